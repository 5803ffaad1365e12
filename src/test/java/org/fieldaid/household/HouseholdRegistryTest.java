package org.fieldaid.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.fieldaid.approval.ApprovalStatus;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.approval.Approvals;
import org.fieldaid.approval.FourEyesViolation;
import org.fieldaid.approval.InboxFilter;
import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.settlement.SettlementRow;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class HouseholdRegistryTest {

    @Autowired HouseholdRegistry registry;
    @Autowired Approvals approvals;
    @Autowired Settlements settlements;
    @Autowired SignIn signIn;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    private long origin;
    private long reception;

    @BeforeEach
    void places() {
        List<SettlementRow> all = signIn.run("mchs.officer", settlements::all);
        origin = all.stream().filter(s -> !s.reception()).findFirst().orElseThrow().id();
        reception = all.stream().filter(SettlementRow::reception).findFirst().orElseThrow().id();
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    static MemberForm member(String family, String given, Relation relation, LocalDate birth, DocumentType type,
                             String number, Vulnerability... needs) {
        return new MemberForm(null, family, given, null, Sex.FEMALE, birth, false, relation, type, number,
                needs.length == 0 ? EnumSet.noneOf(Vulnerability.class) : EnumSet.of(needs[0], needs));
    }

    RegistrationForm family(MemberForm... members) {
        return new RegistrationForm(origin, reception, "School No. 2", LocalDate.of(2020, 10, 15), "+374 77 555111",
                true, true, EnumSet.of(Vulnerability.LOST_HOME), List.of(members));
    }

    /** A name nobody else in the demo data has, so that tests do not see each other's families as duplicates. */
    static String unique(String base) {
        return base + Long.toString(System.nanoTime() % 100000, 26).replaceAll("[0-9]", "x");
    }

    @Test
    void officerRegistersAndAnotherSupervisorApproves() {
        signIn.as("mchs.officer");
        HouseholdDetails draft = registry.saveDraft(family(
                member(unique("Zakaryan"), "Gohar", Relation.HEAD, LocalDate.of(1980, 2, 3), null, null)));
        assertThat(draft.status()).isEqualTo(HouseholdStatus.DRAFT);
        assertThat(draft.registrationNumber()).matches("FA-\\d{4}-\\d{6}");
        HouseholdDetails submitted = registry.submit(draft.id(), draft.version(), null);
        assertThat(submitted.status()).isEqualTo(HouseholdStatus.SUBMITTED);

        signIn.as("mchs.supervisor");
        ApprovalView request = pendingFor(draft.id());
        approvals.approve(request.id(), request.version());

        signIn.as("mchs.officer");
        HouseholdDetails registered = registry.get(draft.id());
        assertThat(registered.status()).isEqualTo(HouseholdStatus.REGISTERED);
        assertThat(registered.decidedBy()).isEqualTo("mchs.supervisor");
        assertThat(registry.approvals(draft.id())).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(ApprovalStatus.APPROVED));
        assertThat(registry.history(draft.id())).extracting(e -> e.action())
                .containsSubsequence("HOUSEHOLD_CREATED", "HOUSEHOLD_SUBMITTED", "HOUSEHOLD_REGISTERED");
    }

    @Test
    void supervisorCannotApproveOwnRequest() {
        signIn.as("mod.supervisor");
        HouseholdDetails draft = registry.saveDraft(family(
                member(unique("Asatryan"), "Mane", Relation.HEAD, LocalDate.of(1970, 5, 5), null, null)));
        registry.submit(draft.id(), draft.version(), null);
        ApprovalView request = pendingFor(draft.id());
        assertThatThrownBy(() -> approvals.approve(request.id(), request.version())).isInstanceOf(FourEyesViolation.class);
        assertThat(registry.get(draft.id()).status()).isEqualTo(HouseholdStatus.SUBMITTED);
    }

    @Test
    void rejectionNeedsAReasonAndTheOfficerSeesIt() {
        signIn.as("mchs.officer");
        HouseholdDetails draft = registry.saveDraft(family(
                member(unique("Melikyan"), "Astghik", Relation.HEAD, LocalDate.of(1990, 1, 1), null, null)));
        registry.submit(draft.id(), draft.version(), null);

        signIn.as("mchs.supervisor");
        ApprovalView request = pendingFor(draft.id());
        assertThatThrownBy(() -> approvals.reject(request.id(), request.version(), " "))
                .isInstanceOf(InvalidInputException.class);
        approvals.reject(request.id(), request.version(), "Documents do not match the names");

        signIn.as("mchs.officer");
        HouseholdDetails rejected = registry.get(draft.id());
        assertThat(rejected.status()).isEqualTo(HouseholdStatus.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo("Documents do not match the names");
        HouseholdDetails again = registry.submit(rejected.id(), rejected.version(), null);
        assertThat(again.status()).isEqualTo(HouseholdStatus.SUBMITTED);
    }

    @Test
    void validationNamesTheFieldsConcerned() {
        signIn.as("mchs.officer");
        LocalDate tomorrow = LocalDate.now().plusDays(2);
        RegistrationForm bad = new RegistrationForm(origin, reception, null, tomorrow, "call me", false, false, null,
                List.of(member("Avagyan", "Ani", Relation.CHILD, tomorrow, DocumentType.ARMENIAN_PASSPORT, "12345"),
                        member("Avagyan", "", Relation.SPOUSE, LocalDate.of(1890, 1, 1), null, "AN1234567")));
        assertThatThrownBy(() -> registry.saveDraft(bad)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).containsEntry("displacedOn", List.of("validation.date-in-future"))
                        .containsEntry("phone", List.of("household.error.phone-format"))
                        .containsEntry("members", List.of("household.error.no-head"))
                        .containsEntry("member.0.birthDate", List.of("validation.date-in-future"))
                        .containsEntry("member.0.documentNumber",
                                List.of("household.error.document-format.ARMENIAN_PASSPORT"))
                        .containsEntry("member.1.givenName", List.of("validation.required"))
                        .containsEntry("member.1.birthDate", List.of("household.error.birth-date-implausible"))
                        .containsEntry("member.1.documentType", List.of("household.error.document-type-required")));
    }

    @Test
    void aDraftMayWaitForWhatTheFamilyHasNotToldYetButASubmissionMayNot() {
        String family = unique("Avagyan");
        signIn.as("mchs.officer");
        RegistrationForm names = new RegistrationForm(null, null, null, null, null, false, false, null,
                List.of(new MemberForm(null, family, "Lusine", null, null, null, false, Relation.HEAD, null, null,
                        null)));
        HouseholdDetails draft = registry.saveDraft(names);
        assertThat(draft.status()).isEqualTo(HouseholdStatus.DRAFT);
        assertThat(draft.originSettlementId()).isNull();
        assertThat(idsFound(family)).containsExactly(draft.id());

        assertThatThrownBy(() -> registry.submit(draft.id(), draft.version(), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsOnlyKeys("origin", "current", "displacedOn", "member.0.sex", "member.0.birthDate"));
        assertThat(registry.get(draft.id()).status()).isEqualTo(HouseholdStatus.DRAFT);

        HouseholdDetails completed = registry.update(draft.id(), draft.version(), family(
                member(family, "Lusine", Relation.HEAD, LocalDate.of(1984, 9, 9), null, null)));
        assertThat(registry.submit(completed.id(), completed.version(), null).status())
                .isEqualTo(HouseholdStatus.SUBMITTED);
    }

    @Test
    void aDraftStillNeedsNamesAndAHeadAndWhatItHoldsMustBeRight() {
        signIn.as("mchs.officer");
        RegistrationForm nameless = new RegistrationForm(null, null, null, LocalDate.now().plusDays(3), null, false,
                false, null, List.of(new MemberForm(null, " ", null, null, null, null, false, Relation.CHILD, null,
                null, null)));
        assertThatThrownBy(() -> registry.saveDraft(nameless)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).containsOnlyKeys("displacedOn", "members", "member.0.familyName",
                        "member.0.givenName"));
    }

    @Test
    void aRegisteredHouseholdStaysComplete() {
        String family = unique("Simonyan");
        signIn.as("mchs.officer");
        HouseholdDetails draft = registry.saveDraft(family(member(family, "Karine", Relation.HEAD,
                LocalDate.of(1975, 5, 5), null, null)));
        registry.submit(draft.id(), draft.version(), null);
        signIn.as("mchs.supervisor");
        ApprovalView request = pendingFor(draft.id());
        approvals.approve(request.id(), request.version());

        signIn.as("mchs.officer");
        HouseholdDetails registered = registry.get(draft.id());
        RegistrationForm withoutOrigin = new RegistrationForm(null, reception, null, LocalDate.of(2020, 10, 15), null,
                true, true, null, registered.toForm().members());
        assertThatThrownBy(() -> registry.update(registered.id(), registered.version(), withoutOrigin))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("origin"));
    }

    @Test
    void twoHeadsAreRefused() {
        signIn.as("mchs.officer");
        assertThatThrownBy(() -> registry.saveDraft(family(
                member("Avagyan", "Ani", Relation.HEAD, LocalDate.of(1980, 1, 1), null, null),
                member("Avagyan", "Aram", Relation.HEAD, LocalDate.of(1979, 1, 1), null, null))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsEntry("members", List.of("household.error.many-heads")));
    }

    @Test
    void aPlantedDuplicateInAnotherScriptIsFlaggedAndNeedsAJustification() {
        signIn.as("mchs.officer");
        RegistrationForm form = family(person("Оганесян", "Армен", Sex.MALE, LocalDate.of(1975, 6, 1)));
        List<DuplicateCandidate> found = registry.possibleDuplicates(form, null);
        assertThat(found).anySatisfy(c -> {
            assertThat(c.fullName()).isEqualTo("Hovhannisyan Armen");
            assertThat(c.reason()).isEqualTo("NAME");
        });
        HouseholdDetails draft = registry.saveDraft(form);
        assertThatThrownBy(() -> registry.submit(draft.id(), draft.version(), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsKey("justification"));
        registry.submit(draft.id(), draft.version(), "Different family: other father, other village");

        signIn.as("mchs.supervisor");
        assertThat(pendingFor(draft.id()).note()).startsWith("Different family").contains("Hovhannisyan Armen");
    }

    @Test
    void theSameDocumentTypedWithCyrillicLettersAndSpacesIsADuplicate() {
        signIn.as("mchs.officer");
        RegistrationForm form = family(member(unique("Tadevosyan"), "Lusine", Relation.HEAD, LocalDate.of(1960, 1, 1),
                DocumentType.ARMENIAN_PASSPORT, "АН 123 4567"));
        assertThat(registry.possibleDuplicates(form, null)).anySatisfy(c -> {
            assertThat(c.reason()).isEqualTo("DOCUMENT");
            assertThat(c.documentNumber()).isEqualTo("AN1234567");
        });
    }

    @Test
    void aDifferentPersonWithASimilarNameButAnotherBirthYearIsNotFlagged() {
        signIn.as("mchs.officer");
        RegistrationForm form = family(member("Hovhannisyan", "Armen", Relation.HEAD, LocalDate.of(1990, 3, 12), null, null));
        assertThat(registry.possibleDuplicates(form, null)).noneSatisfy(c ->
                assertThat(c.fullName()).isEqualTo("Hovhannisyan Armen"));
    }

    @Test
    void searchFindsAFamilyByNameInAnyScriptByRegistrationAndByDocumentNumber() {
        signIn.as("mchs.officer");
        assertThat(registry.find(HouseholdFilter.text("Оганесян"), PageRequest.of(0, 50)).getContent())
                .extracting(HouseholdRow::headFamilyName).contains("Hovhannisyan", "Оганесян");
        assertThat(registry.find(HouseholdFilter.text("hovhannisyan armen"), PageRequest.of(0, 50)).getContent())
                .extracting(HouseholdRow::headGivenName).contains("Armen");
        HouseholdRow first = registry.find(HouseholdFilter.text("AN1234567"), PageRequest.of(0, 5)).getContent().get(0);
        assertThat(first.headFamilyName()).isEqualTo("Hovhannisyan");
        assertThat(registry.find(HouseholdFilter.text(first.registrationNumber()), PageRequest.of(0, 5)).getContent())
                .singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(first.id()));
        assertThat(registry.count(HouseholdFilter.text("an 123 4567"))).isEqualTo(registry.count(HouseholdFilter.text("AN1234567")));
    }

    @Test
    void theCountOfANameSearchIsTheNumberOfHouseholdsItFinds() {
        signIn.as("mchs.officer");
        for (String name : List.of("Petrosyan", "Оганесян", "Հակոբյան", "Hovhann", "Sarg")) {
            HouseholdFilter filter = HouseholdFilter.text(name);
            assertThat(registry.count(filter)).as(name)
                    .isEqualTo(registry.find(filter, PageRequest.of(0, 5000)).getContent().size())
                    .isPositive();
        }
    }

    @Test
    void aFamilyAndGivenNameSearchFindsTheFamilyNameTypedWholeAndLongerOnes() {
        String family = unique("Melikyan");
        signIn.as("mchs.officer");
        HouseholdDetails anahit = registry.saveDraft(family(member(family, "Anahit", Relation.HEAD,
                LocalDate.of(1979, 4, 4), null, null)));
        HouseholdDetails anush = registry.saveDraft(family(member(family + "ts", "Anush", Relation.HEAD,
                LocalDate.of(1982, 8, 8), null, null)));
        assertThat(idsFound(family + " an")).containsExactlyInAnyOrder(anahit.id(), anush.id());
        assertThat(idsFound(family + "ts an")).containsExactly(anush.id());
        assertThat(idsFound(family + " anu")).containsExactly(anush.id());
        assertThat(idsFound("an " + family)).containsExactlyInAnyOrder(anahit.id(), anush.id());
        assertThat(registry.count(HouseholdFilter.text(family + " an"))).isEqualTo(2);
    }

    // --- the search box: every word, in any order and any script (issue 8, decision 009) ------------------------

    @Test
    void aFamilyAndGivenNameInOneScriptFindsTheFamilyWrittenInTheOthers() {
        signIn.as("mchs.officer");
        for (String text : List.of("Мкртчян Айк", "Mkrtchyan Hayk", "Մկրտչյան Հայկ")) {
            assertThat(headsFound(text)).as(text).contains("Mkrtchyan Hayk", "Մկրտչյան Հայկ");
        }
        for (String text : List.of("Саркисян Лилит", "Sargsyan Lilit", "Սարգսյան Լիլիթ")) {
            assertThat(headsFound(text)).as(text).contains("Sargsyan Lilit", "Саркисян Лилит");
        }
    }

    @Test
    void theGivenNameMayComeFirstInAnyScript() {
        signIn.as("mchs.officer");
        for (String text : List.of("Armen Hovhannisyan", "Армен Оганесян", "Արմեն Հովհաննիսյան", "Lilit, Саркисян")) {
            assertThat(headsFound(text)).as(text).containsAnyOf("Hovhannisyan Armen", "Sargsyan Lilit")
                    .containsAnyOf("Оганесян Армен", "Саркисян Лилит");
            assertThat(registry.count(HouseholdFilter.text(text))).as(text).isEqualTo(headsFound(text).size());
        }
    }

    @Test
    void aGivenNameAloneFindsTheFamiliesWithThatNameInEveryScript() {
        signIn.as("mchs.officer");
        for (String text : List.of("Armen", "Армен", "Արմեն")) {
            assertThat(headsFound(text)).as(text).contains("Hovhannisyan Armen", "Оганесян Армен");
            assertThat(registry.count(HouseholdFilter.text(text))).as(text).isEqualTo(headsFound(text).size());
        }
        String given = unique("Zarmanduxt");
        HouseholdDetails saved = registry.saveDraft(family(member(unique("Torosyan"), given, Relation.HEAD,
                LocalDate.of(1969, 9, 9), null, null)));
        assertThat(idsFound(given)).containsExactly(saved.id());
        assertThat(idsFound("Zarmand")).as("what is typed so far").contains(saved.id());
    }

    @Test
    void aGivenNameFindsAFamilyByAnyMemberNotOnlyItsHead() {
        String family = unique("Hakhverdyan");
        String child = unique("Shushanik");
        signIn.as("mchs.officer");
        HouseholdDetails saved = registry.saveDraft(family(
                member(family, "Gohar", Relation.HEAD, LocalDate.of(1970, 1, 1), null, null),
                member(family, child, Relation.CHILD, LocalDate.of(2001, 1, 1), null, null)));
        assertThat(idsFound(child)).containsExactly(saved.id());
        assertThat(idsFound(child + " " + family)).containsExactly(saved.id());
        assertThat(idsFound(family + " Гоар")).containsExactly(saved.id());
    }

    @Test
    void partOfARegistrationNumberFindsTheHousehold() {
        signIn.as("mchs.officer");
        HouseholdRow armen = headFound("AN1234567", "Hovhannisyan Armen");
        String number = armen.registrationNumber();
        String digits = number.substring(number.lastIndexOf('-') + 1);
        for (String part : List.of(digits, digits.substring(2), number.substring(5), " " + digits + " ")) {
            assertThat(idsFound(part)).as(part).contains(armen.id());
            assertThat(registry.count(HouseholdFilter.text(part))).as(part).isEqualTo(idsFound(part).size());
        }
        assertThat(idsFound(digits)).as("six digits are one registration").hasSize(1);
        assertThat(idsFound("Hovhannisyan " + digits)).containsExactly(armen.id());
        assertThat(idsFound("Petrosyan " + digits)).isEmpty();
    }

    @Test
    void partOfADocumentNumberFindsTheHousehold() {
        signIn.as("mchs.officer");
        HouseholdRow armen = headFound("AN1234567", "Hovhannisyan Armen");
        assertThat(idsFound("AN12345")).contains(armen.id());
        assertThat(idsFound("ан 12345")).contains(armen.id());
    }

    @Test
    void aPartnerFindsByEveryWordOnlyWhatItMaySee() {
        signIn.as("partner.analyst");
        assertThat(headsFound("Armen Hovhannisyan")).contains("Hovhannisyan Armen")
                .doesNotContain("Оганесян Армен");
        assertThat(headsFound("Айк Мкртчян")).contains("Mkrtchyan Hayk").doesNotContain("Մկրտչյան Հայկ");
        assertThat(registry.count(HouseholdFilter.text("Armen"))).isEqualTo(headsFound("Armen").size());
        signIn.as("mchs.officer");
        HouseholdRow armen = headFound("AN1234567", "Hovhannisyan Armen");
        String digits = armen.registrationNumber().substring(armen.registrationNumber().lastIndexOf('-') + 1);
        signIn.as("partner.analyst");
        assertThat(idsFound(digits)).containsExactly(armen.id());
    }

    @Test
    void aSearchCombinedWithAFilterReadsEveryWordToo() {
        signIn.as("mchs.officer");
        HouseholdFilter registered = new HouseholdFilter("Айк Mkrtchyan", null, null, HouseholdStatus.REGISTERED,
                null, null);
        List<HouseholdRow> rows = registry.find(registered, PageRequest.of(0, 5000)).getContent();
        assertThat(rows).extracting(r -> r.headFamilyName() + " " + r.headGivenName()).contains("Mkrtchyan Hayk")
                .doesNotContain("Մկրտչյան Հայկ");
        assertThat(registry.count(registered)).isEqualTo(rows.size());
    }

    @Test
    void anotherAgencysDraftIsNotFoundByAGivenNameUntilSubmitted() {
        String given = unique("Vardanush");
        signIn.as("mod.officer");
        HouseholdDetails draft = registry.saveDraft(family(member(unique("Nazaryan"), given, Relation.HEAD,
                LocalDate.of(1992, 2, 2), null, null)));
        assertThat(idsFound(given)).containsExactly(draft.id());
        signIn.as("mchs.officer");
        assertThat(idsFound(given)).isEmpty();
        assertThat(registry.count(HouseholdFilter.text(given))).isZero();
        signIn.as("mod.officer");
        registry.submit(draft.id(), draft.version(), null);
        signIn.as("mchs.officer");
        assertThat(idsFound(given)).containsExactly(draft.id());
        assertThat(registry.count(HouseholdFilter.text(given))).isEqualTo(1);
    }

    @Test
    void aSearchKeptBetweenTheListsCountAndItsPagesSeesAChangeAtOnce() {
        String before = unique("Melkonyan");
        String after = unique("Mirzoyan");
        signIn.as("mchs.officer");
        HouseholdDetails draft = registry.saveDraft(family(member(before, "Siranush", Relation.HEAD,
                LocalDate.of(1975, 5, 5), null, null)));
        // the list counts, then reads its first page: the second call is answered from the kept ids
        assertThat(registry.count(HouseholdFilter.text(before))).isEqualTo(1);
        assertThat(idsFound(before)).containsExactly(draft.id());
        assertThat(registry.count(HouseholdFilter.text(after))).isZero();

        registry.update(draft.id(), draft.version(), family(member(after, "Siranush", Relation.HEAD,
                LocalDate.of(1975, 5, 5), null, null)));
        assertThat(registry.count(HouseholdFilter.text(before))).isZero();
        assertThat(idsFound(before)).isEmpty();
        assertThat(registry.count(HouseholdFilter.text(after))).isEqualTo(1);
        assertThat(idsFound(after + " Siranush")).containsExactly(draft.id());
    }

    // --- the duplicate check: given names across scripts, and sex (issue 8) ---------------------------------------

    @Test
    void anAzerbaijaniGivenNameWrittenWithKhInRussianIsTheSamePerson() {
        signIn.as("mchs.officer");
        registry.saveDraft(family(person("Məmmədov", "Şahin", Sex.MALE, LocalDate.of(1971, 4, 4))));
        registry.saveDraft(family(person("Əliyev", "Tahir", Sex.MALE, LocalDate.of(1968, 8, 18))));
        assertThat(registry.possibleDuplicates(family(person("Мамедов", "Шахин", Sex.MALE, LocalDate.of(1971, 4, 4))),
                null)).anySatisfy(c -> assertThat(c.fullName()).isEqualTo("Məmmədov Şahin"));
        assertThat(registry.possibleDuplicates(family(person("Алиев", "Тахир", Sex.MALE, LocalDate.of(1968, 8, 18))),
                null)).anySatisfy(c -> assertThat(c.fullName()).isEqualTo("Əliyev Tahir"));
    }

    @Test
    void aBrotherAndASisterBornTheSameDayWithAlikeNamesAreTwoPeople() {
        String family = unique("Baghramyan");
        LocalDate born = LocalDate.of(1996, 3, 3);
        signIn.as("mchs.officer");
        registry.saveDraft(family(person(family, "Narek", Sex.MALE, born)));
        assertThat(registry.possibleDuplicates(family(person(family, "Narine", Sex.FEMALE, born)), null))
                .noneSatisfy(c -> assertThat(c.fullName()).isEqualTo(family + " Narek"));
        assertThat(registry.possibleDuplicates(family(person(family, "Narine", null, born)), null))
                .as("a sex not yet recorded keeps the candidate")
                .anySatisfy(c -> assertThat(c.fullName()).isEqualTo(family + " Narek"));
        assertThat(registry.possibleDuplicates(family(person(family, "Нарек", Sex.MALE, born)), null))
                .anySatisfy(c -> assertThat(c.fullName()).isEqualTo(family + " Narek"));
    }

    private static MemberForm person(String family, String given, Sex sex, LocalDate birth) {
        return new MemberForm(null, family, given, null, sex, birth, false, Relation.HEAD, null, null,
                EnumSet.noneOf(Vulnerability.class));
    }

    /** The heads of every household the text finds, as "family given". */
    private List<String> headsFound(String text) {
        return registry.find(HouseholdFilter.text(text), PageRequest.of(0, 5000)).getContent().stream()
                .map(r -> r.headFamilyName() + " " + r.headGivenName()).toList();
    }

    private HouseholdRow headFound(String text, String head) {
        return registry.find(HouseholdFilter.text(text), PageRequest.of(0, 50)).getContent().stream()
                .filter(r -> (r.headFamilyName() + " " + r.headGivenName()).equals(head)).findFirst().orElseThrow();
    }

    private List<Long> idsFound(String text) {
        return registry.find(HouseholdFilter.text(text), PageRequest.of(0, 100)).getContent().stream()
                .map(HouseholdRow::id).toList();
    }

    @Test
    void anotherAgencysDraftIsNeitherFoundNorCounted() {
        String family = unique("Arzumanyan");
        signIn.as("mod.officer");
        registry.saveDraft(family(member(family, "Tatev", Relation.HEAD, LocalDate.of(1991, 1, 1), null, null)));
        assertThat(registry.count(HouseholdFilter.text(family))).isEqualTo(1);
        signIn.as("mchs.officer");
        assertThat(registry.count(HouseholdFilter.text(family))).isZero();
        assertThat(registry.find(HouseholdFilter.text(family), PageRequest.of(0, 10)).getContent()).isEmpty();
    }

    @Test
    void aSubmittedDraftIsFoundAndCountedByOtherAgencies() {
        String family = unique("Arzumanyan");
        signIn.as("mod.officer");
        // not the person of the test above: its draft would be this one's possible duplicate
        HouseholdDetails draft = registry.saveDraft(family(member(family, "Anahit", Relation.HEAD,
                LocalDate.of(1993, 5, 17), null, null)));
        signIn.as("mchs.officer");
        long before = registry.count(HouseholdFilter.none());
        signIn.as("mod.officer");
        registry.submit(draft.id(), draft.version(), null);

        signIn.as("mchs.officer");
        assertThat(registry.count(HouseholdFilter.text(family))).isEqualTo(1);
        assertThat(registry.find(HouseholdFilter.text(family), PageRequest.of(0, 10)).getContent())
                .singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(draft.id()));
        assertThat(registry.count(HouseholdFilter.none())).isEqualTo(before + 1);
    }

    @Test
    void theUnfilteredCountIsTheNumberOfHouseholdsTheListShows() {
        signIn.as("mod.officer");
        registry.saveDraft(family(member(unique("Grigoryan"), "Ani", Relation.HEAD, LocalDate.of(1990, 5, 5), null,
                null)));
        for (String user : List.of("mod.officer", "mchs.officer")) {
            signIn.as(user);
            assertThat(registry.count(HouseholdFilter.none())).as(user)
                    .isEqualTo(registry.find(HouseholdFilter.none(), PageRequest.of(0, 100_000)).getContent().size());
        }
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeatsInTheChosenOrder() {
        signIn.as("mchs.officer");
        var byNumber = org.springframework.data.domain.Sort.by("registrationNumber");
        List<HouseholdRow> all = registry.find(HouseholdFilter.none(), PageRequest.of(0, 100_000, byNumber))
                .getContent();
        var first = registry.find(HouseholdFilter.none(), PageRequest.of(0, 50, byNumber));
        var second = registry.find(HouseholdFilter.none(), PageRequest.of(1, 50, byNumber));
        assertThat(first.hasNext()).isTrue();
        assertThat(first.getContent()).hasSize(50).isEqualTo(all.subList(0, 50));
        assertThat(second.getContent()).isEqualTo(all.subList(50, Math.min(100, all.size())));
        assertThat(all).extracting(HouseholdRow::registrationNumber).isSortedAccordingTo(String::compareTo);
        var newest = registry.find(HouseholdFilter.none(), PageRequest.of(0, 50)).getContent();
        assertThat(newest).extracting(HouseholdRow::id)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aMembersNeedFindsTheHouseholdUntilItIsEditedAway() {
        String family = unique("Poghosyan");
        signIn.as("mchs.officer");
        HouseholdDetails draft = registry.saveDraft(new RegistrationForm(origin, reception, null,
                LocalDate.of(2020, 10, 1), null, true, true, null, List.of(
                member(family, "Hasmik", Relation.HEAD, LocalDate.of(1950, 1, 1), null, null,
                        Vulnerability.ELDERLY_ALONE))));
        HouseholdFilter elderlyFromThere = new HouseholdFilter(null, origin, null, HouseholdStatus.DRAFT,
                Vulnerability.ELDERLY_ALONE, null);
        assertThat(registry.find(elderlyFromThere, PageRequest.of(0, 1000)).getContent())
                .extracting(HouseholdRow::id).contains(draft.id());
        long withHer = registry.count(elderlyFromThere);

        registry.update(draft.id(), draft.version(), new RegistrationForm(origin, reception, null,
                LocalDate.of(2020, 10, 1), null, true, true, null, List.of(
                member(family, "Hasmik", Relation.HEAD, LocalDate.of(1950, 1, 1), null, null))));
        assertThat(registry.find(elderlyFromThere, PageRequest.of(0, 1000)).getContent())
                .extracting(HouseholdRow::id).doesNotContain(draft.id());
        assertThat(registry.count(elderlyFromThere)).isEqualTo(withHer - 1);
    }

    @Test
    void filtersCombineAndCountMatchesThePage() {
        signIn.as("mchs.officer");
        HouseholdFilter registered = new HouseholdFilter(null, null, null, HouseholdStatus.REGISTERED,
                Vulnerability.LOST_HOME, "MCHS");
        long count = registry.count(registered);
        assertThat(count).isPositive().isLessThan(registry.count(HouseholdFilter.none()));
        assertThat(registry.find(registered, PageRequest.of(0, 1000)).getContent()).hasSize((int) count)
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(HouseholdStatus.REGISTERED);
                    assertThat(r.agencyCode()).isEqualTo("MCHS");
                });
    }

    @Test
    void modOfficerCanRegisterButBorderOfficerCannot() {
        signIn.as("mod.officer");
        assertThat(registry.saveDraft(family(member(unique("Nersisyan"), "Arpi", Relation.HEAD,
                LocalDate.of(1985, 1, 1), null, null))).agencyCode()).isEqualTo("MOD");
        signIn.as("border.officer");
        assertThatThrownBy(() -> registry.saveDraft(family(member("Nersisyan", "Arpi", Relation.HEAD,
                LocalDate.of(1985, 1, 1), null, null)))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void partnerSeesOnlyConsentedRegisteredHouseholds() {
        signIn.as("mchs.officer");
        HouseholdDetails noConsent = registry.saveDraft(new RegistrationForm(origin, reception, null,
                LocalDate.of(2020, 10, 1), null, false, true, null, List.of(member(unique("Karamyan"), "Sona",
                Relation.HEAD, LocalDate.of(1977, 1, 1), null, null))));
        long all = registry.count(HouseholdFilter.none());

        signIn.as("partner.analyst");
        long visible = registry.count(HouseholdFilter.none());
        assertThat(visible).isPositive().isLessThan(all);
        assertThat(registry.find(HouseholdFilter.none(), PageRequest.of(0, 2000)).getContent())
                .allSatisfy(r -> assertThat(r.status()).isIn(HouseholdStatus.REGISTERED, HouseholdStatus.RETURNED,
                        HouseholdStatus.CLOSED))
                .allSatisfy(r -> assertThat(registry.get(r.id()).consentSharePartners()).isTrue());
        // a household the partner may not see reads exactly like one that does not exist
        assertThatThrownBy(() -> registry.get(noConsent.id())).isInstanceOf(RecordNotFoundException.class)
                .hasMessage("HOUSEHOLD " + noConsent.id() + " is not found or not visible to this user");
        assertThatThrownBy(() -> registry.get(Long.MAX_VALUE)).isInstanceOf(RecordNotFoundException.class)
                .hasMessage("HOUSEHOLD " + Long.MAX_VALUE + " is not found or not visible to this user");
    }

    @Test
    void sensitiveDetailsNeedPiiSensitiveAndSurviveAnEditByOthers() {
        signIn.as("mchs.officer");
        assertThatThrownBy(() -> registry.saveDraft(family(member(unique("Poghosyan"), "Ruzan", Relation.HEAD,
                LocalDate.of(1988, 1, 1), null, null, Vulnerability.PREGNANT))))
                .isInstanceOf(AccessDeniedException.class);

        signIn.as("health.officer");
        HouseholdDetails saved = registry.saveDraft(family(member(unique("Poghosyan"), "Ruzan", Relation.HEAD,
                LocalDate.of(1988, 1, 1), null, null, Vulnerability.PREGNANT)));
        registry.submit(saved.id(), saved.version(), null);
        signIn.as("health.supervisor");
        ApprovalView request = pendingFor(saved.id());
        approvals.approve(request.id(), request.version());

        signIn.as("mchs.officer");
        HouseholdDetails seen = registry.get(saved.id());
        assertThat(seen.sensitiveShown()).isFalse();
        assertThat(seen.members().get(0).vulnerabilities()).doesNotContain(Vulnerability.PREGNANT);
        RegistrationForm edit = seen.toForm();
        registry.update(seen.id(), seen.version(), new RegistrationForm(edit.originSettlementId(),
                edit.currentSettlementId(), "Hotel Mirhav, room 7", edit.displacedOn(), edit.phone(),
                edit.consentSharePartners(), edit.consentContact(), edit.vulnerabilities(), edit.members()));

        signIn.as("health.officer");
        HouseholdDetails after = registry.get(saved.id());
        assertThat(after.currentAddress()).isEqualTo("Hotel Mirhav, room 7");
        assertThat(after.members().get(0).vulnerabilities()).contains(Vulnerability.PREGNANT);
    }

    @Test
    void onlyPiiSensitiveMayFilterByASensitiveNeed() {
        signIn.as("health.officer");
        HouseholdDetails saved = registry.saveDraft(family(member(unique("Ghazaryan"), "Nune", Relation.HEAD,
                LocalDate.of(1990, 3, 3), null, null, Vulnerability.PREGNANT)));
        HouseholdFilter pregnant = new HouseholdFilter(null, null, null, null, Vulnerability.PREGNANT, null);
        assertThat(registry.find(pregnant, PageRequest.of(0, 5000)).getContent()).extracting(HouseholdRow::id)
                .contains(saved.id());
        assertThat(registry.count(pregnant)).isEqualTo(registry.find(pregnant, PageRequest.of(0, 5000))
                .getContent().size()).isEqualTo(withNeed(Vulnerability.PREGNANT, "HEALTH"));

        signIn.as("mchs.officer");
        assertThatThrownBy(() -> registry.count(pregnant)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registry.find(pregnant, PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        HouseholdFilter lostHome = new HouseholdFilter(null, null, null, null, Vulnerability.LOST_HOME, null);
        assertThat(registry.count(lostHome)).isPositive()
                .isEqualTo(registry.find(lostHome, PageRequest.of(0, 5000)).getContent().size())
                .isEqualTo(withNeed(Vulnerability.LOST_HOME, "MCHS"));
    }

    @Test
    void aNeedChosenAloneFindsADraftOnlyForItsOwnAgencyAndEveryoneOnceSubmitted() {
        signIn.as("mod.officer");
        HouseholdDetails draft = registry.saveDraft(family(member(unique("Vardanyan"), "Gayane", Relation.HEAD,
                LocalDate.of(1948, 6, 6), null, null, Vulnerability.ELDERLY_ALONE)));
        HouseholdFilter elderly = new HouseholdFilter(null, null, null, null, Vulnerability.ELDERLY_ALONE, null);
        assertThat(idsOf(elderly)).contains(draft.id());
        signIn.as("mchs.officer");
        assertThat(idsOf(elderly)).doesNotContain(draft.id());
        signIn.as("mod.officer");
        registry.submit(draft.id(), draft.version(), null);
        signIn.as("mchs.officer");
        assertThat(idsOf(elderly)).contains(draft.id());
        assertThat(registry.count(elderly)).isEqualTo(idsOf(elderly).size());
        // the list's pages and count against the household table itself, newest first
        List<Long> expected = jdbc.queryForList("SELECT id FROM household WHERE needs LIKE '%,ELDERLY_ALONE,%' "
                + "AND (status <> 'DRAFT' OR agency_code = 'MCHS') ORDER BY id DESC", Long.class);
        assertThat(idsOf(elderly)).isEqualTo(expected);
        assertThat(registry.find(elderly, PageRequest.of(1, 2)).getContent()).extracting(HouseholdRow::id)
                .isEqualTo(expected.subList(2, Math.min(4, expected.size())));
        assertThat(registry.count(elderly)).isEqualTo(expected.size());
    }

    private List<Long> idsOf(HouseholdFilter filter) {
        return registry.find(filter, PageRequest.of(0, 100_000)).getContent().stream().map(HouseholdRow::id).toList();
    }

    @Test
    void theSecondOfTwoConcurrentEditsIsToldAndNothingIsLost() {
        signIn.as("mchs.officer");
        HouseholdDetails draft = registry.saveDraft(family(member(unique("Yeghiazaryan"), "Hripsime", Relation.HEAD,
                LocalDate.of(1966, 1, 1), null, null)));
        RegistrationForm form = draft.toForm();
        registry.update(draft.id(), draft.version(), withAddress(form, "First edit"));
        assertThatThrownBy(() -> registry.update(draft.id(), draft.version(), withAddress(form, "Second edit")))
                .isInstanceOfSatisfying(ConcurrentEditException.class,
                        e -> assertThat(e.currentState()).contains("First edit"));
        assertThat(registry.get(draft.id()).currentAddress()).isEqualTo("First edit");
    }

    @Test
    void aRefusedRegistrationLeavesNoTrace() {
        signIn.as("mchs.officer");
        long before = registry.count(HouseholdFilter.none());
        String family = unique("Sahakyan");
        assertThatThrownBy(() -> registry.saveDraft(family(member(family, "Lilit", Relation.HEAD,
                LocalDate.of(1980, 1, 1), null, null, Vulnerability.DISABILITY))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(registry.count(HouseholdFilter.none())).isEqualTo(before);
        assertThat(registry.count(HouseholdFilter.text(family))).isZero();
    }

    private static RegistrationForm withAddress(RegistrationForm f, String address) {
        return new RegistrationForm(f.originSettlementId(), f.currentSettlementId(), address, f.displacedOn(),
                f.phone(), f.consentSharePartners(), f.consentContact(), f.vulnerabilities(), f.members());
    }

    private ApprovalView pendingFor(long householdId) {
        return approvals.inbox(new InboxFilter("REGISTRATION", null), PageRequest.of(0, 2000)).getContent().stream()
                .filter(r -> r.subjectId() == householdId).findFirst().orElseThrow();
    }

    /**
     * Counted with SQL from the households' and members' own need columns, not from the index the registry
     * searches: the households with the need that an officer of the agency may see (any but another's draft).
     */
    private long withNeed(Vulnerability need, String callerAgency) {
        String has = "(',' || %1$s.vulnerabilities || ',' LIKE ? OR ',' || %1$s.sensitive_vulnerabilities || ',' LIKE ?)";
        String marker = "%," + need.name() + ",%";
        return jdbc.queryForObject("SELECT COUNT(*) FROM household h WHERE (h.status <> 'DRAFT' OR h.agency_code = ?)"
                + " AND (" + has.formatted("h") + " OR EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND "
                + has.formatted("p") + "))", Long.class, callerAgency, marker, marker, marker, marker);
    }
}
