package org.fieldaid.household;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.fieldaid.base.TextInput;

/**
 * What a registration must satisfy. Problems are keyed by field: {@code origin}, {@code displacedOn},
 * {@code members}, {@code member.2.birthDate} ..., each with translation keys, so the form marks the field.
 * A draft may leave out what the family has not told yet; what it does hold must be right.
 */
final class RegistrationRules {

    /** The conflict that displaced these families began in 1988; an earlier date is a typing error. */
    static final LocalDate EARLIEST_DISPLACEMENT = LocalDate.of(1988, 1, 1);
    static final int OLDEST_AGE = 120;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,19}");

    private RegistrationRules() {
    }

    /** How complete the record must be. */
    enum Stage {
        /** Saved to go on later: the members' names and who is the head. */
        DRAFT,
        /** Sent to a supervisor, or a registered household: everything. */
        COMPLETE
    }

    static Map<String, List<String>> check(RegistrationForm form, LocalDate today, Stage stage) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        boolean complete = stage == Stage.COMPLETE;
        if (complete && form.originSettlementId() == null) {
            add(problems, "origin", "validation.required");
        }
        if (complete && form.currentSettlementId() == null) {
            add(problems, "current", "validation.required");
        }
        if (form.displacedOn() == null) {
            if (complete) {
                add(problems, "displacedOn", "validation.required");
            }
        } else if (form.displacedOn().isAfter(today)) {
            add(problems, "displacedOn", "validation.date-in-future");
        } else if (form.displacedOn().isBefore(EARLIEST_DISPLACEMENT)) {
            add(problems, "displacedOn", "household.error.displaced-too-early");
        }
        // an address may take two lines (the building, then the town)
        TextInput.checkNote(problems, "address", form.currentAddress(), 200);
        if (form.phone() != null && !form.phone().isBlank() && !PHONE.matcher(form.phone().strip()).matches()) {
            add(problems, "phone", "household.error.phone-format");
        }
        if (form.members().isEmpty()) {
            add(problems, "members", "household.error.no-members");
        } else {
            long heads = form.members().stream().filter(m -> m.relation() == Relation.HEAD).count();
            if (heads != 1) {
                add(problems, "members", heads == 0 ? "household.error.no-head" : "household.error.many-heads");
            }
        }
        for (int i = 0; i < form.members().size(); i++) {
            checkMember(form.members().get(i), "member." + i + ".", today, complete, problems);
        }
        return problems;
    }

    private static void checkMember(MemberForm m, String prefix, LocalDate today, boolean complete,
                                    Map<String, List<String>> problems) {
        if (m.familyName() == null || m.familyName().isBlank()) {
            add(problems, prefix + "familyName", "validation.required");
        }
        if (m.givenName() == null || m.givenName().isBlank()) {
            add(problems, prefix + "givenName", "validation.required");
        }
        tooLong(m.familyName(), 100, prefix + "familyName", problems);
        tooLong(m.givenName(), 100, prefix + "givenName", problems);
        tooLong(m.patronymic(), 100, prefix + "patronymic", problems);
        if (complete && m.sex() == null) {
            add(problems, prefix + "sex", "validation.required");
        }
        if (m.relation() == null) {
            add(problems, prefix + "relation", "validation.required");
        }
        if (m.birthDate() == null) {
            if (complete) {
                add(problems, prefix + "birthDate", "validation.required");
            }
        } else if (m.birthDate().isAfter(today)) {
            add(problems, prefix + "birthDate", "validation.date-in-future");
        } else if (m.birthDate().isBefore(today.minusYears(OLDEST_AGE))) {
            add(problems, prefix + "birthDate", "household.error.birth-date-implausible");
        }
        boolean hasNumber = m.documentNumber() != null && !m.documentNumber().isBlank();
        tooLong(m.documentNumber(), 32, prefix + "documentNumber", problems);
        if (problems.containsKey(prefix + "documentNumber")) {
            return;
        }
        if (hasNumber && m.documentType() == null) {
            add(problems, prefix + "documentType", "household.error.document-type-required");
        } else if (hasNumber && !m.documentType().accepts(m.documentNumber())) {
            add(problems, prefix + "documentNumber", "household.error.document-format." + m.documentType().name());
        }
    }

    private static void tooLong(String value, int max, String field, Map<String, List<String>> problems) {
        TextInput.check(problems, field, value, max);
    }

    private static void add(Map<String, List<String>> problems, String field, String key) {
        problems.computeIfAbsent(field, k -> new ArrayList<>()).add(key);
    }
}
