package org.fieldaid.household;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills the database with generated households for measuring, then the application goes on as usual:
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments="--fieldaid.scale-data.households=250000"}
 * (add {@code --fieldaid.scale-data.seed=N}; the same seed gives the same families).
 */
@Component
@ConditionalOnProperty("fieldaid.scale-data.households")
@Order(20)
class ScaleData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ScaleData.class);
    private static final List<String[]> REGISTRARS = List.of(new String[] {"MCHS", "mchs.officer"},
            new String[] {"MOD", "mod.officer"}, new String[] {"HEALTH", "health.officer"},
            new String[] {"MCHS", "mchs.supervisor"}, new String[] {"MOD", "mod.supervisor"});

    private final HouseholdBulkLoader loader;
    private final long households;
    private final long seed;

    ScaleData(HouseholdBulkLoader loader,
              @org.springframework.beans.factory.annotation.Value("${fieldaid.scale-data.households:250000}") long households,
              @org.springframework.beans.factory.annotation.Value("${fieldaid.scale-data.seed:42}") long seed) {
        this.loader = loader;
        this.households = households;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        log.info("Generating {} households (seed {})", households, seed);
        long step = Math.max(1, households / 10);
        loader.load(new HouseholdGenerator(seed, loader.originIds(), loader.receptionIds(), REGISTRARS,
                HouseholdBulkLoader.today()), households, n -> {
                    if (n % step == 0 || n == households) {
                        log.info("  {} / {} households written", n, households);
                    }
                });
        log.info("Scale data loaded in {} s", Duration.ofNanos(System.nanoTime() - start).toSeconds());
    }
}
