package org.fieldaid.security;

import java.util.Set;

public record AgencyRow(long id, int version, String code, String name, boolean active, Set<Capability> capabilities) {

    static AgencyRow of(Agency a) {
        return new AgencyRow(a.getId(), a.getVersion(), a.getCode(), a.getName(), a.isActive(), a.getCapabilities());
    }
}
