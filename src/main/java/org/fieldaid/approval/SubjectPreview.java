package org.fieldaid.approval;

import com.vaadin.flow.component.Component;

/**
 * Shows the full record an approval request is about, inside the supervisor's inbox. Declared as a bean by the
 * feature that owns the kind, so the inbox needs to know nothing about households, aid or journeys.
 */
public interface SubjectPreview {

    String kind();

    Component render(long subjectId);
}
