package org.fieldaid.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fieldaid.base.ConcurrentEditException;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** The catalogue is kept by those with CATALOGUE:MANAGE: every problem told per field, every change audited. */
@IntegrationTest
class AidCatalogueTest {

    @Autowired Aid aid;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    private static PackageTypeForm babyFood(String code) {
        return new PackageTypeForm(code, "Baby food box", "Коробка детского питания", "Մանկական սննդի տուփ",
                "Uşaq qidası qutusu", "Porridge 6, puree 12, formula 2", "box", Basis.PERSON, 1, 3,
                Frequency.EVERY_ROUND, Condition.MEMBER_UNDER_TWO, true);
    }

    @Test
    void anAdministratorAddsAndChangesAPackageTypeAndBothAreAudited() {
        String code = "BABY_" + (System.nanoTime() % 100000);
        signIn.as("admin");
        PackageTypeRow created = aid.savePackageType(null, 0, babyFood(code));
        assertThat(created.name(java.util.Locale.forLanguageTag("hy"))).isEqualTo("Մանկական սննդի տուփ");
        assertThat(created.rule()).isEqualTo(new EntitlementRule(Basis.PERSON, 1, 3, Frequency.EVERY_ROUND,
                Condition.MEMBER_UNDER_TWO));
        PackageTypeForm changed = new PackageTypeForm(code, "Baby food box", "Коробка детского питания",
                "Մանկական սննդի տուփ", "Uşaq qidası qutusu", "Porridge 6, puree 12", "box", Basis.PERSON, 2, 4,
                Frequency.EVERY_ROUND, Condition.MEMBER_UNDER_TWO, true);
        PackageTypeRow after = aid.savePackageType(created.id(), created.version(), changed);
        assertThat(after.rule().quantity()).isEqualTo(2);
        assertThatThrownBy(() -> aid.savePackageType(created.id(), created.version(), changed))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE entity_id = ? AND action IN "
                + "('AID_PACKAGE_TYPE_CREATED', 'AID_PACKAGE_TYPE_CHANGED')", Long.class, code)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT before_value FROM audit_event WHERE entity_id = ? AND action = "
                + "'AID_PACKAGE_TYPE_CHANGED'", String.class, code)).contains("PERSON 1 cap=3");
    }

    @Test
    void everyProblemOfAPackageTypeIsToldAtItsFieldAndNothingIsSaved() {
        signIn.as("admin");
        int before = aid.packageTypes().size();
        PackageTypeForm bad = new PackageTypeForm("food", " ", "", "", "", "", "crate", null, 0, -1, null, null, true);
        assertThatThrownBy(() -> aid.savePackageType(null, 0, bad)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsOnlyKeys("code", "nameEn",
                        "nameRu", "nameHy", "nameAz", "contents", "unit", "basis", "quantity", "cap", "frequency",
                        "condition"));
        assertThat(aid.packageTypeProblems(null, babyFood("FOOD"))).containsEntry("code",
                java.util.List.of("aid.error.code-taken"));
        assertThat(aid.packageTypeProblems(null, new PackageTypeForm("X2", "a", "b", "c", "d", "e", "kit",
                Basis.HOUSEHOLD, 3, 2, Frequency.EVERY_ROUND, Condition.NONE, true))).containsOnlyKeys("cap");
        assertThat(aid.packageTypes()).hasSize(before);
    }

    @Test
    void nobodyButCatalogueManagersChangesTheCatalogue() {
        for (String user : java.util.List.of("mchs.officer", "mchs.supervisor", "border.officer", "mod.officer")) {
            signIn.as(user);
            assertThatThrownBy(() -> aid.savePackageType(null, 0, babyFood("NOPE"))).as(user)
                    .isInstanceOf(AccessDeniedException.class);
            signIn.out();
        }
    }
}
