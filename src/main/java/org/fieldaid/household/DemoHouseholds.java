package org.fieldaid.household;

import java.time.LocalDate;
import java.util.List;
import org.fieldaid.base.AuditRecord;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * About 300 households and 1,100 persons for the demo, the same on every machine, with a few planted duplicates
 * written in other spellings. Only into a database that has no households yet.
 */
@Component
@Profile("demo")
@Order(10)
class DemoHouseholds implements ApplicationRunner {

    static final int COUNT = 300;
    static final long SEED = 2020_11_10L;
    /** Registrars of the demo: [agency, user]. */
    static final List<String[]> REGISTRARS = List.of(new String[] {"MCHS", "mchs.officer"},
            new String[] {"MOD", "mod.officer"}, new String[] {"HEALTH", "health.officer"});

    private final HouseholdBulkLoader loader;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    DemoHouseholds(HouseholdBulkLoader loader, JdbcTemplate jdbc, TransactionTemplate transactions,
                   ApplicationEventPublisher events) {
        this.loader = loader;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM household", Long.class) > 0) {
            return;
        }
        LocalDate today = HouseholdBulkLoader.today();
        loader.load(new HouseholdGenerator(SEED, loader.originIds(), loader.receptionIds(), REGISTRARS, today),
                COUNT, n -> { });
        loader.load(new PlantedDuplicates(loader.originIds(), loader.receptionIds(), today), PlantedDuplicates.COUNT,
                n -> { });
        transactions.executeWithoutResult(s -> events.publishEvent(AuditRecord.of("DEMO_DATA_LOADED", "HOUSEHOLD",
                null, (COUNT + PlantedDuplicates.COUNT) + " demo households loaded", null, null).by("system", null)
                .saying("demo-households-loaded", COUNT + PlantedDuplicates.COUNT)));
    }
}
