package org.fieldaid.journey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The journey tables, in plain SQL: seats are taken by a conditional UPDATE on the vehicle row and a person's one
 * live journey is a UNIQUE column, so two officers booking at the same moment cannot both win (decision 016).
 */
@Repository
class JourneyStore {

    private static final String JOURNEY_SELECT = "SELECT id, version, household_id, registration_number, head_name, "
            + "convoy_id, planned_on, from_settlement_id, destination_id, travellers, status, flagged, flag_reason, "
            + "agency_code, planned_by, planned_at, decided_by, rejection_reason, departed_at, crossed_at, "
            + "arrived_at, abort_reason FROM journey ";

    /** How many rows an export reads from the database at once; PostgreSQL then hands them over by cursor. */
    static final int FETCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final NamedParameterJdbcTemplate streaming;

    JourneyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        JdbcTemplate fetching = new JdbcTemplate(jdbc.getDataSource());
        fetching.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
    }

    // ---- convoys and vehicles ---------------------------------------------------------------------------------

    long insertConvoy(ConvoyForm form, String agencyCode, String by, Instant at) {
        return insert("INSERT INTO journey_convoy (convoy_date, route, checkpoint, escort_unit, status, agency_code, "
                        + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", form.date(), form.route().strip(),
                form.checkpoint().strip(), form.escortUnit().strip(), ConvoyStatus.SCHEDULED.name(), agencyCode, by,
                utc(at));
    }

    long insertVehicle(long convoyId, int seq, VehicleForm vehicle) {
        return insert("INSERT INTO journey_vehicle (convoy_id, seq, kind, plate, seats) VALUES (?, ?, ?, ?, ?)",
                convoyId, seq, vehicle.kind().strip(), plate(vehicle.plate()), vehicle.seats());
    }

    static String plate(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static final RowMapper<VehicleRow> VEHICLE = (rs, n) -> new VehicleRow(rs.getLong("id"),
            rs.getLong("convoy_id"), rs.getInt("seq"), rs.getString("kind"), rs.getString("plate"), rs.getInt("seats"),
            rs.getInt("seats_taken"));

    List<VehicleRow> vehicles(long convoyId) {
        return jdbc.query("SELECT * FROM journey_vehicle WHERE convoy_id = ? ORDER BY seq, id", VEHICLE, convoyId);
    }

    private ConvoyRow convoy(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new ConvoyRow(id, rs.getInt("version"), rs.getObject("convoy_date", LocalDate.class),
                rs.getString("route"), rs.getString("checkpoint"), rs.getString("escort_unit"),
                ConvoyStatus.valueOf(rs.getString("status")), rs.getString("agency_code"), instant(rs, "departed_at"),
                rs.getString("departed_by"), vehicles(id));
    }

    Optional<ConvoyRow> convoy(long id) {
        return jdbc.query("SELECT * FROM journey_convoy WHERE id = ?", (rs, n) -> convoy(rs), id).stream().findFirst();
    }

    /** Convoys from a day on, the earliest first (tens of rows: a convoy a day at most). */
    List<ConvoyRow> convoysFrom(LocalDate from, int limit) {
        return jdbc.query("SELECT * FROM journey_convoy WHERE convoy_date >= ? ORDER BY convoy_date, id FETCH FIRST "
                + limit + " ROWS ONLY", (rs, n) -> convoy(rs), from);
    }

    List<ConvoyRow> convoysOn(LocalDate date) {
        return jdbc.query("SELECT * FROM journey_convoy WHERE convoy_date = ? ORDER BY id", (rs, n) -> convoy(rs), date);
    }

    List<ConvoyRow> convoysBetween(LocalDate from, LocalDate to) {
        return jdbc.query("SELECT * FROM journey_convoy WHERE convoy_date BETWEEN ? AND ? ORDER BY convoy_date, id",
                (rs, n) -> convoy(rs), from, to);
    }

    boolean markConvoyDeparted(long id, int expectedVersion, Instant at, String by) {
        return jdbc.update("UPDATE journey_convoy SET status = 'DEPARTED', departed_at = ?, departed_by = ?, "
                + "version = version + 1 WHERE id = ? AND version = ? AND status = 'SCHEDULED'", utc(at), by, id,
                expectedVersion) == 1;
    }

    /** Takes seats in one vehicle only when it has them; false means it has not, and nothing changed. */
    boolean takeSeats(long vehicleId, int seats) {
        return jdbc.update("UPDATE journey_vehicle SET seats_taken = seats_taken + ? WHERE id = ? "
                + "AND seats_taken + ? <= seats", seats, vehicleId, seats) == 1;
    }

    /** Gives back the seats that a journey's travellers hold, vehicle by vehicle. */
    void freeSeats(long journeyId) {
        List<long[]> held = jdbc.query("SELECT vehicle_id, COUNT(*) FROM journey_traveller WHERE journey_id = ? "
                + "GROUP BY vehicle_id", (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, journeyId);
        for (long[] vehicle : held) {
            jdbc.update("UPDATE journey_vehicle SET seats_taken = seats_taken - ? WHERE id = ?", vehicle[1], vehicle[0]);
        }
    }

    // ---- journeys -----------------------------------------------------------------------------------------------

    record NewJourney(long householdId, String registrationNumber, String headName, long convoyId, LocalDate plannedOn,
                      Long fromSettlementId, long destinationId, int travellers, String agencyCode, String plannedBy,
                      Instant plannedAt) {
    }

    long insertJourney(NewJourney j) {
        return insert("INSERT INTO journey (household_id, registration_number, head_name, convoy_id, planned_on, "
                        + "from_settlement_id, destination_id, travellers, status, agency_code, planned_by, planned_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", j.householdId(), j.registrationNumber(),
                j.headName(), j.convoyId(), j.plannedOn(), j.fromSettlementId(), j.destinationId(), j.travellers(),
                JourneyStatus.PLANNED.name(), j.agencyCode(), j.plannedBy(), utc(j.plannedAt()));
    }

    record NewTraveller(long personId, long vehicleId, String fullName, String sex, LocalDate birthDate,
                        String documentType, String documentNormalised) {
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the person is already on a journey under way */
    void insertTraveller(long journeyId, NewTraveller t) {
        jdbc.update("INSERT INTO journey_traveller (journey_id, person_id, live_person_id, vehicle_id, full_name, sex, "
                        + "birth_date, document_type, document_normalised, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                journeyId, t.personId(), t.personId(), t.vehicleId(), t.fullName(), t.sex(), t.birthDate(),
                t.documentType(), t.documentNormalised(), TravellerStatus.BOOKED.name());
    }

    /** The persons among these who are on a journey that has not ended. */
    List<Long> travelling(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return named.queryForList("SELECT live_person_id FROM journey_traveller WHERE live_person_id IN (:ids)",
                new MapSqlParameterSource("ids", personIds), Long.class);
    }

    private static final RowMapper<JourneyRow> JOURNEY = (rs, n) -> new JourneyRow(rs.getLong("id"),
            rs.getInt("version"), rs.getLong("household_id"), rs.getString("registration_number"),
            rs.getString("head_name"), rs.getLong("convoy_id"), rs.getObject("planned_on", LocalDate.class),
            (Long) rs.getObject("from_settlement_id", Long.class), rs.getLong("destination_id"),
            rs.getInt("travellers"), JourneyStatus.valueOf(rs.getString("status")), rs.getBoolean("flagged"),
            rs.getString("flag_reason"), rs.getString("agency_code"), rs.getString("planned_by"),
            instant(rs, "planned_at"), rs.getString("decided_by"), rs.getString("rejection_reason"),
            instant(rs, "departed_at"), instant(rs, "crossed_at"), instant(rs, "arrived_at"),
            rs.getString("abort_reason"));

    Optional<JourneyRow> journey(long id) {
        return jdbc.query(JOURNEY_SELECT + "WHERE id = ?", JOURNEY, id).stream().findFirst();
    }

    List<JourneyRow> journeysOfHousehold(long householdId) {
        return jdbc.query(JOURNEY_SELECT + "WHERE household_id = ? ORDER BY id DESC", JOURNEY, householdId);
    }

    List<JourneyRow> journeysOfConvoy(long convoyId) {
        return jdbc.query(JOURNEY_SELECT + "WHERE convoy_id = ? ORDER BY id", JOURNEY, convoyId);
    }

    /**
     * One page of the board, newest first; every filter has an index that ends with the id (V021). The page's ids
     * come first, from the filter's index alone, and then only their rows: selecting whole rows made H2 read every
     * journey of the status, 24,602 of them for "arrived", to sort them and keep 50 (92 ms against 10 ms).
     */
    List<JourneyRow> board(JourneyFilter filter, String me, int offset, int limit) {
        MapSqlParameterSource args = new MapSqlParameterSource();
        List<Long> ids = named.queryForList("SELECT id FROM journey " + where(filter, me, args)
                + " ORDER BY id DESC OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY", args, Long.class);
        if (ids.isEmpty()) {
            return List.of();
        }
        return named.query(JOURNEY_SELECT + "WHERE id IN (:ids) ORDER BY id DESC",
                new MapSqlParameterSource("ids", ids), JOURNEY);
    }

    long count(JourneyFilter filter, String me) {
        MapSqlParameterSource args = new MapSqlParameterSource();
        return named.queryForObject("SELECT COUNT(*) FROM journey " + where(filter, me, args), args, Long.class);
    }

    /** Every journey of the board's filter, in its order, a row at a time (decision 020). */
    void forEachJourney(JourneyFilter filter, String me, Consumer<JourneyRow> sink) {
        MapSqlParameterSource args = new MapSqlParameterSource();
        streaming.query(JOURNEY_SELECT + where(filter, me, args) + " ORDER BY id DESC", args,
                (RowCallbackHandler) rs -> sink.accept(JOURNEY.mapRow(rs, 0)));
    }

    /**
     * The crossings of the board's journeys, in the board's order. A crossing's discrepancies come joined to it,
     * so its rows are consecutive and are folded into one as they stream.
     */
    void forEachCrossing(JourneyFilter filter, String me, Consumer<CrossingExportRow> sink) {
        MapSqlParameterSource args = new MapSqlParameterSource();
        String sql = "SELECT c.id, c.journey_id, j.registration_number, j.destination_id, j.travellers, c.checkpoint, "
                + "c.crossed_at, c.officer, c.note, (SELECT COUNT(*) FROM journey_traveller t "
                + "WHERE t.journey_id = c.journey_id AND t.status IN ('CROSSED', 'ARRIVED', 'NOT_ARRIVED')) AS crossed, "
                + "d.kind, d.person_name, d.document_typed FROM journey_crossing c "
                + "JOIN journey j ON j.id = c.journey_id LEFT JOIN journey_discrepancy d ON d.crossing_id = c.id "
                + "WHERE c.journey_id IN (SELECT id FROM journey " + where(filter, me, args) + ") "
                + "ORDER BY c.journey_id DESC, c.id, d.id";
        CrossingFolder folder = new CrossingFolder(sink);
        streaming.query(sql, args, (RowCallbackHandler) folder::row);
        folder.end();
    }

    /** Folds the joined rows of one crossing, one per discrepancy, into one export row. */
    private static final class CrossingFolder {
        private final Consumer<CrossingExportRow> sink;
        private CrossingExportRow current;
        private int discrepancies;
        private final StringBuilder details = new StringBuilder();

        CrossingFolder(Consumer<CrossingExportRow> sink) {
            this.sink = sink;
        }

        void row(ResultSet rs) throws SQLException {
            long id = rs.getLong("id");
            if (current == null || current.id() != id) {
                end();
                current = new CrossingExportRow(id, rs.getLong("journey_id"), rs.getString("registration_number"),
                        rs.getLong("destination_id"), rs.getInt("travellers"), rs.getString("checkpoint"),
                        instant(rs, "crossed_at"), rs.getString("officer"), rs.getInt("crossed"), 0, null,
                        rs.getString("note"));
            }
            String kind = rs.getString("kind");
            if (kind != null) {
                discrepancies++;
                if (!details.isEmpty()) {
                    details.append("; ");
                }
                details.append(kind);
                String name = rs.getString("person_name");
                String typed = rs.getString("document_typed");
                if (name != null) {
                    details.append(": ").append(name);
                }
                if (typed != null) {
                    details.append(" (").append(typed).append(')');
                }
            }
        }

        void end() {
            if (current != null) {
                CrossingExportRow c = current;
                sink.accept(new CrossingExportRow(c.id(), c.journeyId(), c.registrationNumber(), c.destinationId(),
                        c.travellers(), c.checkpoint(), c.crossedAt(), c.officer(), c.crossed(), discrepancies,
                        details.isEmpty() ? null : details.toString(), c.note()));
            }
            current = null;
            discrepancies = 0;
            details.setLength(0);
        }
    }

    private static String where(JourneyFilter filter, String me, MapSqlParameterSource args) {
        List<String> terms = new ArrayList<>();
        if (filter.status() != null) {
            terms.add("status = :status");
            args.addValue("status", filter.status().name());
        }
        if (filter.date() != null) {
            terms.add("planned_on = :date");
            args.addValue("date", filter.date());
        }
        if (filter.convoyId() != null) {
            terms.add("convoy_id = :convoy");
            args.addValue("convoy", filter.convoyId());
        }
        if (filter.destinationId() != null) {
            terms.add("destination_id = :destination");
            args.addValue("destination", filter.destinationId());
        }
        if (filter.flaggedOnly() || filter.flaggedApprovedByMe()) {
            terms.add("flagged = TRUE");
        }
        if (filter.flaggedApprovedByMe()) {
            terms.add("decided_by = :me");
            args.addValue("me", me);
        }
        return terms.isEmpty() ? "" : "WHERE " + String.join(" AND ", terms);
    }

    /**
     * Moves a journey on when it is still in the expected status (and, if given, at the expected version).
     *
     * @param set further assignments, e.g. "decided_by = ?", with their values in args
     */
    boolean move(long id, Integer expectedVersion, JourneyStatus from, JourneyStatus to, String set, Object... args) {
        List<Object> values = new ArrayList<>();
        values.add(to.name());
        values.addAll(java.util.Arrays.asList(args));
        values.add(id);
        values.add(from.name());
        if (expectedVersion != null) {
            values.add(expectedVersion);
        }
        return jdbc.update("UPDATE journey SET status = ?" + (set.isEmpty() ? "" : ", " + set)
                + ", version = version + 1 WHERE id = ? AND status = ?"
                + (expectedVersion == null ? "" : " AND version = ?"), values.toArray()) == 1;
    }

    /** Flags what is not yet under way to a settlement that stopped being open; returns the flagged ids. */
    List<Long> flagFor(long destinationId, String reason) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM journey WHERE destination_id = ? AND status IN "
                + "('PLANNED', 'SUBMITTED', 'APPROVED') ORDER BY id", Long.class, destinationId);
        if (!ids.isEmpty()) {
            jdbc.update("UPDATE journey SET flagged = TRUE, flag_reason = ?, version = version + 1 "
                    + "WHERE destination_id = ? AND status IN ('PLANNED', 'SUBMITTED', 'APPROVED')", reason, destinationId);
        }
        return ids;
    }

    boolean clearFlag(long id, int expectedVersion) {
        return jdbc.update("UPDATE journey SET flagged = FALSE, flag_reason = NULL, version = version + 1 "
                + "WHERE id = ? AND version = ? AND flagged = TRUE", id, expectedVersion) == 1;
    }

    // ---- travellers ---------------------------------------------------------------------------------------------

    List<TravellerRow> travellers(long journeyId) {
        return jdbc.query("SELECT t.id, t.person_id, t.full_name, t.vehicle_id, v.plate, t.status FROM journey_traveller t "
                + "JOIN journey_vehicle v ON v.id = t.vehicle_id WHERE t.journey_id = ? ORDER BY t.id",
                (rs, n) -> new TravellerRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), TravellerStatus.valueOf(rs.getString(6))), journeyId);
    }

    List<CheckpointTraveller> checkpointTravellers(long journeyId) {
        return jdbc.query("SELECT id, full_name, sex, birth_date, document_type, document_normalised, status "
                        + "FROM journey_traveller WHERE journey_id = ? ORDER BY id",
                (rs, n) -> new CheckpointTraveller(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), ending(rs.getString(6)),
                        TravellerStatus.valueOf(rs.getString(7))), journeyId);
    }

    /** The last three characters, so that the officer knows which document to ask for, not its number. */
    private static String ending(String number) {
        if (number == null || number.isEmpty()) {
            return null;
        }
        return "…" + number.substring(Math.max(0, number.length() - 3));
    }

    record StoredDocument(long journeyId, String normalised) {
    }

    Optional<StoredDocument> document(long travellerId) {
        return jdbc.query("SELECT journey_id, document_normalised FROM journey_traveller WHERE id = ?",
                (rs, n) -> new StoredDocument(rs.getLong(1), rs.getString(2)), travellerId).stream().findFirst();
    }

    void setTravellerStatus(long travellerId, TravellerStatus status, Instant arrivedAt) {
        jdbc.update("UPDATE journey_traveller SET status = ?, arrived_at = ? WHERE id = ?", status.name(),
                arrivedAt == null ? null : utc(arrivedAt), travellerId);
    }

    /** The journey has ended: its travellers may be booked again; those still booked are released. */
    void endJourney(long journeyId, boolean release) {
        jdbc.update("UPDATE journey_traveller SET live_person_id = NULL" + (release ? ", status = 'RELEASED'" : "")
                + " WHERE journey_id = ?", journeyId);
    }

    List<ManifestLine> manifest(long convoyId) {
        return jdbc.query("SELECT t.vehicle_id, j.registration_number, t.full_name, t.birth_date, t.document_type, "
                + "t.document_normalised, j.status FROM journey_traveller t JOIN journey j ON j.id = t.journey_id "
                + "WHERE j.convoy_id = ? AND j.status NOT IN ('REJECTED', 'ABORTED') ORDER BY t.vehicle_id, j.id, t.id",
                (rs, n) -> new ManifestLine(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6),
                        JourneyStatus.valueOf(rs.getString(7))), convoyId);
    }

    // ---- crossings ---------------------------------------------------------------------------------------------

    long insertCrossing(long journeyId, String checkpoint, Instant at, String officer, String agencyCode, String note) {
        return insert("INSERT INTO journey_crossing (journey_id, checkpoint, crossed_at, officer, agency_code, note) "
                + "VALUES (?, ?, ?, ?, ?, ?)", journeyId, checkpoint, utc(at), officer, agencyCode, note);
    }

    void insertDiscrepancy(long crossingId, DiscrepancyKind kind, Long travellerId, String name, String typed) {
        jdbc.update("INSERT INTO journey_discrepancy (crossing_id, kind, traveller_id, person_name, document_typed) "
                + "VALUES (?, ?, ?, ?, ?)", crossingId, kind.name(), travellerId, name, typed);
    }

    Optional<CrossingRow> crossingOf(long journeyId) {
        return jdbc.query("SELECT c.*, (SELECT COUNT(*) FROM journey_traveller t WHERE t.journey_id = c.journey_id "
                        + "AND t.status IN ('CROSSED', 'ARRIVED', 'NOT_ARRIVED')) AS crossed FROM journey_crossing c "
                        + "WHERE c.journey_id = ?",
                (rs, n) -> new CrossingRow(rs.getLong("id"), rs.getLong("journey_id"), rs.getString("checkpoint"),
                        instant(rs, "crossed_at"), rs.getString("officer"), rs.getInt("crossed"), rs.getString("note"),
                        jdbc.query("SELECT kind, traveller_id, person_name, document_typed FROM journey_discrepancy "
                                        + "WHERE crossing_id = ? ORDER BY id",
                                (d, m) -> new DiscrepancyRow(DiscrepancyKind.valueOf(d.getString(1)),
                                        (Long) d.getObject(2, Long.class), d.getString(3), d.getString(4)),
                                rs.getLong("id"))), journeyId).stream().findFirst();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private long insert(String sql, Object... args) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, keys);
        return keys.getKeyList().getFirst().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("id"))
                .map(e -> ((Number) e.getValue()).longValue()).findFirst().orElseThrow();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
