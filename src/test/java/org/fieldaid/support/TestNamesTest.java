package org.fieldaid.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.fieldaid.household.NameKeys;
import org.junit.jupiter.api.Test;

class TestNamesTest {

    @Test
    void noTwoNamesGivenOutShareAPhoneticKeyNorWithTheDemoNames() {
        Map<String, String> owner = new HashMap<>();
        for (int i = 0; i < 600; i++) {
            String name = TestNames.syllables(i % 2 == 0 ? 5 : 6);
            for (String key : NameKeys.keys(name)) {
                assertThat(owner.put(key, name)).as(name + " shares the key " + key).isNull();
            }
        }
        assertThat(NameKeys.keys("Оганесян")).as("a demo name's keys").allMatch(TestNames::taken);
        assertThat(NameKeys.keys("Oganesyan")).anyMatch(TestNames::taken);
    }
}
