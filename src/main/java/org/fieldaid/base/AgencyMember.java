package org.fieldaid.base;

/** Implemented by the authenticated principal, so that any module can name the actor's agency. */
public interface AgencyMember {

    String getUsername();

    String getAgencyCode();
}
