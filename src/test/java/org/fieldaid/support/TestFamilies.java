package org.fieldaid.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.approval.Approvals;
import org.fieldaid.household.HouseholdDetails;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.MemberForm;
import org.fieldaid.household.RegistrationForm;
import org.fieldaid.household.Relation;
import org.fieldaid.household.Sex;
import org.fieldaid.settlement.ReturnStatus;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;

/**
 * Families of a test's own, registered through the services as the demo officers and supervisors would, with
 * names that no other family folds to (so that no duplicate check stops them).
 */
public final class TestFamilies {

    private final HouseholdRegistry registry;
    private final Approvals approvals;
    private final SignIn signIn;

    private final long origin;
    private final long reception;

    /** Reads the places as an officer; leaves nobody signed in. */
    public TestFamilies(HouseholdRegistry registry, Approvals approvals, Settlements settlements, SignIn signIn) {
        this.registry = registry;
        this.approvals = approvals;
        this.signIn = signIn;
        List<SettlementRow> places = signIn.run("mchs.officer", settlements::all);
        this.origin = places.stream().filter(s -> s.returnStatus() == ReturnStatus.OPEN).map(SettlementRow::id)
                .findFirst().orElseThrow();
        this.reception = places.stream().filter(SettlementRow::reception).map(SettlementRow::id).findFirst()
                .orElseThrow();
    }

    /** A complete registration of {@code members} people, from an open settlement, living at {@code current}. */
    public RegistrationForm form(int members, long current) {
        String family = TestNames.syllables(5);
        List<MemberForm> people = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            // a birth date of its own, so that two names that fold alike are still no duplicates
            LocalDate born = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 50));
            people.add(new MemberForm(null, family, TestNames.syllables(5), null, i % 2 == 0 ? Sex.FEMALE : Sex.MALE,
                    born, false, i == 0 ? Relation.HEAD : Relation.CHILD, null, null, Set.of()));
        }
        return new RegistrationForm(openOrigin(), current, "Tent " + TestNames.syllables(4), LocalDate.of(2020, 10, 1),
                null, false, true, Set.of(), people);
    }

    /** A settlement families may return to (as it was when this was made). */
    public long openOrigin() {
        return origin;
    }

    /** A reception centre, where families live while displaced. */
    public long receptionPoint() {
        return reception;
    }

    /** Sent to a supervisor by {@code officer}; leaves nobody signed in. */
    public HouseholdDetails submitted(String officer, RegistrationForm form) {
        return signIn.run(officer, () -> registry.saveAndSubmit(null, 0, form, null));
    }

    /** Registered: sent by {@code officer}, approved by {@code supervisor} of the same agency. */
    public HouseholdDetails registered(String officer, String supervisor, RegistrationForm form) {
        HouseholdDetails sent = submitted(officer, form);
        signIn.run(supervisor, () -> {
            ApprovalView request = approvals.requestsFor(HouseholdRegistry.APPROVAL_KIND, sent.id()).getFirst();
            return approvals.approve(request.id(), request.version());
        });
        return signIn.run(officer, () -> registry.get(sent.id()));
    }
}
