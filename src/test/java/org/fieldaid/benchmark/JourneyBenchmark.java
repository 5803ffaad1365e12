package org.fieldaid.benchmark;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;
import org.fieldaid.FieldAidApplication;
import org.fieldaid.journey.ConvoyForm;
import org.fieldaid.journey.ConvoyRow;
import org.fieldaid.journey.JourneyFilter;
import org.fieldaid.journey.JourneyForm;
import org.fieldaid.journey.JourneyStatus;
import org.fieldaid.journey.Journeys;
import org.fieldaid.journey.VehicleForm;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Journeys at scale, on H2 and on PostgreSQL: 250,000 households and 50,000 journeys. Not part of {@code verify};
 * run {@code ./mvnw test -Pbenchmark -Dtest=JourneyBenchmark}. Prints median and p95 in milliseconds of booking
 * one seat (a whole {@code Journeys.plan}: the household read, the checks, the conditional seat update and the
 * inserts) and of one page of the journey board with its count, for each filter; each figure also as a multiple
 * of the database's own primary-key lookup. PostgreSQL runs in a database of its own, so that this benchmark and
 * the household benchmark do not share data.
 */
class JourneyBenchmark {

    private static final int HOUSEHOLDS = Integer.getInteger("benchmark.households", 250_000);
    private static final int JOURNEYS = Integer.getInteger("benchmark.journeys", 50_000);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 60);
    private static final JourneyStatus[] MIX = {JourneyStatus.ARRIVED, JourneyStatus.ARRIVED, JourneyStatus.ARRIVED,
            JourneyStatus.ARRIVED, JourneyStatus.ABORTED, JourneyStatus.REJECTED, JourneyStatus.CROSSED,
            JourneyStatus.DEPARTED, JourneyStatus.APPROVED, JourneyStatus.SUBMITTED, JourneyStatus.PLANNED};

    @Test
    void bookingASeatAndTheJourneyBoardAtScale() throws Exception {
        List<String> report = ScaleDatabases.measureEach(this::measure);
        System.out.println();
        System.out.println("Journey benchmark, " + HOUSEHOLDS + " households, " + JOURNEYS + " journeys, " + ROUNDS
                + " rounds each");
        report.forEach(System.out::println);
    }

    private String measure(String database, List<String> connection) {
        List<String> args = new ArrayList<>(connection);
        args.add("--server.port=0");
        args.add("--spring.main.banner-mode=off");
        long loadStart = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FieldAidApplication.class)
                .profiles("demo").run(args.toArray(String[]::new))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            double householdSeconds = (System.nanoTime() - loadStart) / 1e9;
            long journeyStart = System.nanoTime();
            // the journeys of an earlier run in the same database stay: they are the same 50,000
            if (jdbc.queryForObject("SELECT COUNT(*) FROM journey", Long.class) < JOURNEYS) {
                loadJourneys(jdbc);
            }
            double journeySeconds = (System.nanoTime() - journeyStart) / 1e9;
            if ("PostgreSQL".equals(database)) {
                jdbc.execute("VACUUM ANALYZE");
            }
            long journeys = jdbc.queryForObject("SELECT COUNT(*) FROM journey", Long.class);
            long households = jdbc.queryForObject("SELECT COUNT(*) FROM household", Long.class);
            signIn(app, "mod.officer");
            Journeys service = app.getBean(Journeys.class);
            long maxId = jdbc.queryForObject("SELECT MAX(id) FROM journey", Long.class);
            java.util.SplittableRandom random = new java.util.SplittableRandom(11);

            Stats pk = time(i -> jdbc.queryForMap("SELECT * FROM journey WHERE id = ?", 1 + random.nextLong(maxId)));

            // one seat per booking, each for a family that has no journey yet, onto one convoy with room for all
            ConvoyRow convoy = service.createConvoy(new ConvoyForm(LocalDate.now().plusDays(30), "Benchmark route",
                    "Lachin corridor checkpoint", "Benchmark escort", List.of(new VehicleForm("BUS", "B 1", 80),
                    new VehicleForm("BUS", "B 2", 80))));
            List<Long[]> heads = jdbc.query("SELECT h.id, (SELECT MIN(p.id) FROM person p WHERE p.household_id = h.id), "
                            + "h.origin_settlement_id FROM household h JOIN settlement s ON s.id = h.origin_settlement_id "
                            + "WHERE h.status = 'REGISTERED' AND s.return_status = 'OPEN' AND NOT EXISTS (SELECT 1 FROM "
                            + "journey j WHERE j.household_id = h.id) ORDER BY h.id DESC FETCH FIRST " + (ROUNDS + 20)
                            + " ROWS ONLY",
                    (rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
            Stats booking = time(i -> {
                Long[] h = heads.get(i);
                service.plan(new JourneyForm(h[0], Set.of(h[1]), h[2], convoy.date(), convoy.id()));
            });

            List<Long> convoys = jdbc.queryForList("SELECT id FROM journey_convoy ORDER BY id", Long.class);
            List<Long> destinations = jdbc.queryForList("SELECT DISTINCT destination_id FROM journey", Long.class);
            List<LocalDate> dates = jdbc.queryForList("SELECT DISTINCT planned_on FROM journey", LocalDate.class);
            Stats open = board(service, i -> JourneyFilter.none());
            Stats status = board(service, i -> new JourneyFilter(MIX[i % MIX.length], null, null, null, false, false));
            Stats date = board(service, i -> new JourneyFilter(null, dates.get(i % dates.size()), null, null, false,
                    false));
            Stats byConvoy = board(service, i -> new JourneyFilter(null, null, convoys.get(i % convoys.size()), null,
                    false, false));
            Stats destination = board(service, i -> new JourneyFilter(null, null, null,
                    destinations.get(i % destinations.size()), false, false));
            Stats combined = board(service, i -> new JourneyFilter(JourneyStatus.APPROVED, null, null,
                    destinations.get(i % destinations.size()), false, false));
            Stats flagged = board(service, i -> new JourneyFilter(null, null, null, null, true, false));
            return String.format(Locale.ROOT, """
                    %s: %,d households (loaded in %.0f s), %,d journeys (loaded in %.0f s)
                      primary-key lookup of a journey (baseline) %s
                      booking one seat (Journeys.plan)           %s
                      board page of 50 + count, no filter        %s
                      board page of 50 + count, status           %s
                      board page of 50 + count, date             %s
                      board page of 50 + count, convoy           %s
                      board page of 50 + count, destination      %s
                      board page of 50 + count, status + dest.   %s
                      board page of 50 + count, flagged only     %s""",
                    database, households, householdSeconds, journeys, journeySeconds, pk.text(pk.median),
                    booking.text(pk.median), open.text(pk.median), status.text(pk.median), date.text(pk.median),
                    byConvoy.text(pk.median), destination.text(pk.median), combined.text(pk.median),
                    flagged.text(pk.median));
        }
    }

    private static Stats board(Journeys service, java.util.function.IntFunction<JourneyFilter> filter) {
        return time(i -> {
            JourneyFilter f = filter.apply(i);
            service.board(f, 0, 50);
            service.count(f);
        });
    }

    /**
     * Convoys of 40 seats, a convoy a day over the past years and the coming weeks, and one journey of one traveller
     * per household (its first member), in the status mix of a long-running operation: most ended.
     */
    private static void loadJourneys(JdbcTemplate jdbc) {
        List<Object[]> households = jdbc.query("SELECT h.id, h.registration_number, (SELECT MIN(p.id) FROM person p "
                        + "WHERE p.household_id = h.id), h.origin_settlement_id, h.current_settlement_id FROM household h "
                        + "WHERE h.status IN ('REGISTERED', 'RETURNED') ORDER BY h.id FETCH FIRST " + JOURNEYS
                        + " ROWS ONLY",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
        int perConvoy = 40;
        int convoys = (households.size() + perConvoy - 1) / perConvoy;
        LocalDate first = LocalDate.now().minusDays(convoys - 20);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> convoyRows = new ArrayList<>();
        for (int c = 0; c < convoys; c++) {
            convoyRows.add(new Object[] {Date.valueOf(first.plusDays(c)), c < convoys - 20 ? "DEPARTED" : "SCHEDULED", now});
        }
        jdbc.batchUpdate("INSERT INTO journey_convoy (convoy_date, route, checkpoint, escort_unit, status, agency_code, "
                + "created_by, created_at) VALUES (?, 'Goris – Lachin corridor – Stepanakert', 'Lachin corridor "
                + "checkpoint', 'Escort', ?, 'MOD', 'mod.officer', ?)", convoyRows);
        List<Long> convoyIds = jdbc.queryForList("SELECT id FROM journey_convoy WHERE route LIKE 'Goris – Lachin%' "
                + "ORDER BY convoy_date", Long.class);
        jdbc.batchUpdate("INSERT INTO journey_vehicle (convoy_id, seq, kind, plate, seats, seats_taken) "
                + "VALUES (?, 1, 'BUS', 'BUS', 40, 0)", convoyIds.stream().map(id -> new Object[] {id}).toList());
        List<Object[]> journeys = new ArrayList<>();
        for (int i = 0; i < households.size(); i++) {
            Object[] h = households.get(i);
            int c = i / perConvoy;
            JourneyStatus status = c >= convoys - 20 ? MIX[8 + i % 3] : MIX[i % 8];
            journeys.add(new Object[] {h[0], h[1], "Head " + h[1], convoyIds.get(c), Date.valueOf(first.plusDays(c)),
                    h[4], h[3], status.name(), i % 97 == 0 && status.holdsSeats(), now});
        }
        for (int from = 0; from < journeys.size(); from += 5000) {
            jdbc.batchUpdate("INSERT INTO journey (household_id, registration_number, head_name, convoy_id, planned_on, "
                    + "from_settlement_id, destination_id, travellers, status, flagged, agency_code, planned_by, "
                    + "planned_at, abort_reason) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 'MOD', 'mod.officer', ?, "
                    + "'benchmark')", journeys.subList(from, Math.min(journeys.size(), from + 5000)));
        }
        jdbc.update("INSERT INTO journey_traveller (journey_id, person_id, live_person_id, vehicle_id, full_name, "
                + "status) SELECT j.id, (SELECT MIN(p.id) FROM person p WHERE p.household_id = j.household_id), "
                + "CASE WHEN j.status IN ('ARRIVED', 'ABORTED', 'REJECTED') THEN NULL ELSE (SELECT MIN(p.id) FROM "
                + "person p WHERE p.household_id = j.household_id) END, v.id, j.head_name, 'BOOKED' FROM journey j "
                + "JOIN journey_vehicle v ON v.convoy_id = j.convoy_id WHERE j.planned_by = 'mod.officer' "
                + "AND j.abort_reason = 'benchmark'");
        jdbc.update("UPDATE journey_vehicle v SET seats_taken = (SELECT COUNT(*) FROM journey_traveller t "
                + "JOIN journey j ON j.id = t.journey_id WHERE t.vehicle_id = v.id AND j.status IN ('PLANNED', "
                + "'SUBMITTED', 'APPROVED'))");
    }

    private static void signIn(ConfigurableApplicationContext app, String username) {
        UserDetails user = app.getBean(UserDetailsService.class).loadUserByUsername(username);
        SecurityContextHolderStrategy holder = app.getBean(SecurityContextHolderStrategy.class);
        var context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        holder.setContext(context);
    }

    record Stats(double median, double p95) {
        String text(double baseline) {
            return String.format(Locale.ROOT, "median %7.2f ms   p95 %7.2f ms   (%.0f× / %.0f× the PK lookup)",
                    median, p95, median / baseline, p95 / baseline);
        }
    }

    private static Stats time(IntConsumer action) {
        for (int i = 0; i < 10; i++) {
            action.accept(i);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            action.accept(i + 10);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return new Stats(millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1));
    }
}
