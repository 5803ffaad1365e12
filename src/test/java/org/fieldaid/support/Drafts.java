package org.fieldaid.support;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberForm;
import org.fieldaid.household.RegistrationForm;
import org.fieldaid.household.Relation;
import org.fieldaid.household.Sex;
import org.fieldaid.household.Vulnerability;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;

/** A fresh draft registration of one person, with a name no other test data folds to. */
public final class Drafts {

    private Drafts() {
    }

    /** @return the id of a new draft saved by the officer, which only the officer's agency may open */
    public static long saveDraft(SignIn signIn, HouseholdRegistry registry, Settlements settlements, String officer) {
        return signIn.run(officer, () -> {
            List<SettlementRow> all = settlements.all();
            long origin = all.stream().filter(s -> !s.reception()).findFirst().orElseThrow().id();
            long reception = all.stream().filter(SettlementRow::reception).findFirst().orElseThrow().id();
            MemberForm head = new MemberForm(null, TestNames.syllables(5), TestNames.syllables(5), null, Sex.FEMALE,
                    LocalDate.of(1971, 3, 3), false, Relation.HEAD, null, null, EnumSet.noneOf(Vulnerability.class));
            return registry.saveDraft(new RegistrationForm(origin, reception, "School No. 3",
                    LocalDate.of(2020, 10, 15), null, false, false, EnumSet.of(Vulnerability.LOST_HOME),
                    List.of(head))).id();
        });
    }
}
