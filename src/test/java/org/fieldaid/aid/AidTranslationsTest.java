package org.fieldaid.aid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The aid screens build keys from these enums and from the catalogue's units; every one must be translated. */
class AidTranslationsTest {

    @Test
    void everyKeyBuiltFromAnAidEnumOrUnitExists() throws IOException {
        Properties english = new Properties();
        try (var in = getClass().getResourceAsStream("/vaadin-i18n/translations.properties")) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> needed = new ArrayList<>();
        Stream.of(EntitlementStatus.values()).forEach(v -> needed.add("aid.entitlement.status." + v.name()));
        Stream.of(MovementKind.values()).forEach(v -> needed.add("aid.movement." + v.name()));
        Stream.of(CorrectionReason.values()).forEach(v -> needed.add("aid.correction.reason." + v.name()));
        Stream.of(RoundStatus.values()).forEach(v -> needed.add("aid.round.status." + v.name()));
        Stream.of(Basis.values()).forEach(v -> needed.add("aid.rule.basis." + v.name()));
        Stream.of(Frequency.values()).forEach(v -> needed.add("aid.rule.frequency." + v.name()));
        Stream.of(Condition.values()).filter(c -> c != Condition.NONE)
                .forEach(v -> needed.add("aid.rule.condition." + v.name()));
        Stream.of(DeliveryOutcome.Result.values())
                .forEach(v -> needed.add(new DeliveryOutcome(v, null).messageKey()));
        PackageTypeForm.UNITS.forEach(u -> needed.add("aid.unit." + u));
        Stream.of(ExceptionStatus.values()).forEach(v -> needed.add("aid.exception.status." + v.name()));
        Stream.of(Basis.values()).forEach(v -> needed.add("aid.packages.basis." + v.name()));
        Stream.of(Condition.values()).forEach(v -> needed.add("aid.packages.condition." + v.name()));
        needed.add("approval.kind." + Aid.ROUND_APPROVAL_KIND);
        needed.add("approval.kind." + Aid.EXCEPTION_APPROVAL_KIND);
        assertThat(needed.stream().filter(k -> !english.containsKey(k)).toList()).isEmpty();
    }
}
