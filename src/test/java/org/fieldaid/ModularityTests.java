package org.fieldaid;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(FieldAidApplication.class);

    @Test
    void moduleBoundariesHold() {
        modules.verify();
    }
}
