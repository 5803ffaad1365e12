package org.fieldaid.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.fieldaid.household.HouseholdFilter;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.HouseholdRow;
import org.fieldaid.household.HouseholdStatus;
import org.fieldaid.household.Vulnerability;
import org.fieldaid.support.SignIn;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The migrations run on H2, the default database, and Hibernate validates the schema they build; the household
 * list's own SQL (name indexes, ids first) runs on H2 too, not only on the tests' PostgreSQL.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:schematest;DB_CLOSE_DELAY=-1")
@ActiveProfiles("demo")
@Import(SignIn.class)
class H2SchemaOwnContextTest {

    @Autowired Flyway flyway;
    @Autowired DataSource dataSource;
    @Autowired HouseholdRegistry registry;
    @Autowired SignIn signIn;

    @Test
    void migrationsApplyAndJpaValidatesOnH2() {
        String product = new JdbcTemplate(dataSource).execute(
                (org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        assertThat(product).isEqualTo("H2");
        SchemaAssertions.migratedAndSeeded(flyway, dataSource);
    }

    @Test
    void everyKindOfHouseholdSearchCountsWhatItFindsOnH2() {
        signIn.run("mchs.officer", () -> {
            long all = registry.count(HouseholdFilter.none());
            assertThat(all).isEqualTo(new JdbcTemplate(dataSource).queryForObject(
                    "SELECT COUNT(*) FROM household WHERE status <> 'DRAFT' OR agency_code = 'MCHS'", Long.class));
            for (HouseholdFilter filter : List.of(HouseholdFilter.none(), HouseholdFilter.text("Оганесян"),
                    HouseholdFilter.text("Hakobyan"), HouseholdFilter.text("Hovhannisyan Armen"),
                    HouseholdFilter.text("Sarg Lil"), HouseholdFilter.text("FA-2020"),
                    HouseholdFilter.text("Мкртчян Айк"), HouseholdFilter.text("Armen Hovhannisyan"),
                    HouseholdFilter.text("Армен"), HouseholdFilter.text("AN12345"),
                    new HouseholdFilter(null, null, null, HouseholdStatus.REGISTERED, Vulnerability.LOST_HOME, null),
                    new HouseholdFilter(null, null, null, null, Vulnerability.LOST_HOME, null),
                    new HouseholdFilter("Petrosyan", null, null, HouseholdStatus.REGISTERED, null, null))) {
                long count = registry.count(filter);
                assertThat(count).as(filter.toString()).isPositive();
                assertThat(registry.find(filter, PageRequest.of(0, 5000)).getContent()).as(filter.toString())
                        .hasSize((int) count);
            }
            return all;
        });
    }

    @Test
    void everyWordInAnyOrderAndScriptFindsThePlantedFamiliesOnH2() {
        String tail = signIn.run("mchs.officer", () -> {
            assertThat(heads("Мкртчян Айк")).contains("Mkrtchyan Hayk", "Մկրտչյան Հայկ");
            assertThat(heads("Саркисян Лилит")).contains("Sargsyan Lilit");
            assertThat(heads("Sargsyan Lilit")).contains("Саркисян Лилит");
            assertThat(heads("Armen Hovhannisyan")).contains("Hovhannisyan Armen", "Оганесян Армен");
            assertThat(heads("Արմեն")).contains("Hovhannisyan Armen", "Оганесян Армен");
            HouseholdRow armen = registry.find(HouseholdFilter.text("AN1234567"), PageRequest.of(0, 5)).getContent()
                    .getFirst();
            String number = armen.registrationNumber();
            String digits = number.substring(number.lastIndexOf('-') + 1);
            assertThat(heads(digits)).containsExactly("Hovhannisyan Armen");
            return digits;
        });
        signIn.run("partner.analyst", () -> {
            assertThat(heads("Armen Hovhannisyan")).contains("Hovhannisyan Armen").doesNotContain("Оганесян Армен");
            assertThat(heads(tail)).containsExactly("Hovhannisyan Armen");
            for (String text : List.of("Мкртчян Айк", "Армен", tail)) {
                assertThat(registry.count(HouseholdFilter.text(text))).as(text).isEqualTo(heads(text).size());
            }
            return null;
        });
    }

    private List<String> heads(String text) {
        return registry.find(HouseholdFilter.text(text), PageRequest.of(0, 5000)).getContent().stream()
                .map(r -> r.headFamilyName() + " " + r.headGivenName()).toList();
    }
}
