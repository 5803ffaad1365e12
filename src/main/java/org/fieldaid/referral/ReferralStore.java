package org.fieldaid.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The referral tables in plain SQL. A referral moves on only by a conditional UPDATE on its status and version, so
 * two people acting on it at once cannot both win.
 */
@Repository
class ReferralStore {

    /** A referral as stored, before it is shown to anyone. */
    record Stored(long id, int version, long householdId, String registrationNumber, String headName,
                  ServiceKind service, String fromAgency, String toAgency, Urgency urgency, String need,
                  boolean sensitive, String note, ReferralStatus status, boolean consentGiven, String consentGivenBy,
                  String consentPurpose, String sentBy, Instant sentAt, String acceptedBy, Instant acceptedAt,
                  String declinedBy, Instant declinedAt, String declineReason, String completedBy,
                  Instant completedAt, Outcome outcome, String outcomeNote, String revokedBy, Instant revokedAt,
                  String revokeReason) {

        String describe() {
            return "status=" + status + ", service=" + service + ", from=" + fromAgency + ", to=" + toAgency
                    + ", urgency=" + urgency + ", household=" + registrationNumber + ", version=" + version;
        }
    }

    record StoredMember(long referralId, long personId, String fullName, LocalDate birthDate, boolean estimated) {
    }

    record NewReferral(long householdId, String registrationNumber, String headName, ServiceKind service,
                       String fromAgency, String toAgency, Urgency urgency, String need, boolean sensitive,
                       String note, boolean consentGiven, String consentGivenBy, String consentPurpose,
                       String sentBy, Instant sentAt) {
    }

    private static final String SELECT = "SELECT * FROM referral ";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ReferralStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    // ---- services -----------------------------------------------------------------------------------------------

    Map<String, Set<ServiceKind>> servicesByAgency() {
        Map<String, Set<ServiceKind>> result = new LinkedHashMap<>();
        jdbc.query("SELECT agency_code, service FROM referral_agency_service ORDER BY agency_code, service",
                (RowCallbackHandler) rs -> result.computeIfAbsent(rs.getString(1),
                        k -> EnumSet.noneOf(ServiceKind.class)).add(ServiceKind.valueOf(rs.getString(2))));
        return result;
    }

    Set<ServiceKind> servicesOf(String agencyCode) {
        Set<ServiceKind> result = EnumSet.noneOf(ServiceKind.class);
        jdbc.queryForList("SELECT service FROM referral_agency_service WHERE agency_code = ?", String.class,
                agencyCode).forEach(s -> result.add(ServiceKind.valueOf(s)));
        return result;
    }

    void replaceServices(String agencyCode, Set<ServiceKind> services) {
        jdbc.update("DELETE FROM referral_agency_service WHERE agency_code = ?", agencyCode);
        for (ServiceKind s : services) {
            jdbc.update("INSERT INTO referral_agency_service (agency_code, service) VALUES (?, ?)", agencyCode,
                    s.name());
        }
    }

    // ---- referrals ----------------------------------------------------------------------------------------------

    long insert(NewReferral r) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Object[] args = {r.householdId(), r.registrationNumber(), r.headName(), r.service().name(), r.fromAgency(),
                r.toAgency(), r.urgency().name(), r.need(), r.sensitive(), r.note(), ReferralStatus.SENT.name(),
                r.consentGiven(), r.consentGivenBy(), r.consentPurpose(), r.sentBy(), utc(r.sentAt())};
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO referral (household_id, registration_number, "
                    + "head_name, service, from_agency, to_agency, urgency, need, sensitive, note, status, "
                    + "consent_given, consent_given_by, consent_purpose, sent_by, sent_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, keys);
        return keys.getKeyList().getFirst().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("id"))
                .map(e -> ((Number) e.getValue()).longValue()).findFirst().orElseThrow();
    }

    void insertMember(long referralId, long personId, String fullName, LocalDate birthDate, boolean estimated) {
        jdbc.update("INSERT INTO referral_member (referral_id, person_id, full_name, birth_date, birth_date_estimated) "
                + "VALUES (?, ?, ?, ?, ?)", referralId, personId, fullName, birthDate, estimated);
    }

    Optional<Stored> find(long id) {
        return jdbc.query(SELECT + "WHERE id = ?", (rs, n) -> stored(rs), id).stream().findFirst();
    }

    List<Stored> ofHousehold(long householdId, String agency) {
        return jdbc.query(SELECT + "WHERE household_id = ? AND (from_agency = ? OR (to_agency = ? AND accepted_at "
                + "IS NOT NULL)) ORDER BY id DESC", (rs, n) -> stored(rs), householdId, agency, agency);
    }

    /**
     * One page of a list, newest first; each filter has an index that ends with the id (V033). A receiving
     * agency's list of new referrals puts the overdue ones first, so that nobody scrolls past them.
     */
    List<Stored> page(ReferralQuery query, String agency, Instant overdueBefore, int offset, int limit) {
        MapSqlParameterSource args = new MapSqlParameterSource();
        return named.query(SELECT + where(query, agency, overdueBefore, args) + order(query, overdueBefore, args, "")
                + " OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY", args, (rs, n) -> stored(rs));
    }

    long count(ReferralQuery query, String agency, Instant overdueBefore) {
        MapSqlParameterSource args = new MapSqlParameterSource();
        return named.queryForObject("SELECT COUNT(*) FROM referral " + where(query, agency, overdueBefore, args), args,
                Long.class);
    }

    /** Every referral of the list, handed over one at a time, for an export. */
    void forEach(ReferralQuery query, String agency, Instant overdueBefore,
                 java.util.function.BiConsumer<Stored, Integer> sink) {
        MapSqlParameterSource args = new MapSqlParameterSource();
        named.query("SELECT r.*, (SELECT COUNT(*) FROM referral_member m WHERE m.referral_id = r.id) AS members "
                        + "FROM referral r " + where(query, agency, overdueBefore, args)
                        + order(query, overdueBefore, args, "r."), args,
                (RowCallbackHandler) rs -> sink.accept(stored(rs), rs.getInt("members")));
    }

    private static String order(ReferralQuery query, Instant overdueBefore, MapSqlParameterSource args,
                                String alias) {
        boolean newOnes = query.status() == null || query.status() == ReferralStatus.SENT;
        if (query.box() != ReferralQuery.Box.RECEIVED || query.overdueOnly() || !newOnes) {
            return " ORDER BY " + alias + "id DESC";
        }
        args.addValue("overdueCutoff", utc(overdueBefore));
        return " ORDER BY CASE WHEN " + alias + "status = 'SENT' AND " + alias + "urgency = 'URGENT' AND " + alias
                + "sent_at <= :overdueCutoff THEN 0 ELSE 1 END, " + alias + "id DESC";
    }

    private static String where(ReferralQuery query, String agency, Instant overdueBefore,
                                MapSqlParameterSource args) {
        List<String> terms = new ArrayList<>();
        terms.add(query.box() == ReferralQuery.Box.RECEIVED ? "to_agency = :agency" : "from_agency = :agency");
        args.addValue("agency", agency);
        if (query.overdueOnly()) {
            terms.add("status = 'SENT' AND urgency = 'URGENT' AND sent_at <= :cutoff");
            args.addValue("cutoff", utc(overdueBefore));
        } else if (query.status() != null) {
            terms.add("status = :status");
            args.addValue("status", query.status().name());
        }
        return "WHERE " + String.join(" AND ", terms);
    }

    Map<Long, List<StoredMember>> members(Collection<Long> referralIds) {
        Map<Long, List<StoredMember>> result = new LinkedHashMap<>();
        if (referralIds.isEmpty()) {
            return result;
        }
        named.query("SELECT referral_id, person_id, full_name, birth_date, birth_date_estimated FROM referral_member "
                        + "WHERE referral_id IN (:ids) ORDER BY referral_id, full_name",
                new MapSqlParameterSource("ids", referralIds), (RowCallbackHandler) rs -> result.computeIfAbsent(
                        rs.getLong(1), k -> new ArrayList<>()).add(new StoredMember(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getObject(4, LocalDate.class), rs.getBoolean(5))));
        return result;
    }

    /**
     * Moves a referral on when it is still in the expected status and at the expected version.
     *
     * @param set further assignments, e.g. "accepted_by = ?", with their values in args
     */
    boolean move(long id, int expectedVersion, ReferralStatus from, ReferralStatus to, String set, Object... args) {
        List<Object> values = new ArrayList<>();
        values.add(to.name());
        values.addAll(java.util.Arrays.asList(args));
        values.add(id);
        values.add(from.name());
        values.add(expectedVersion);
        return jdbc.update("UPDATE referral SET status = ?, " + set + ", version = version + 1 WHERE id = ? "
                + "AND status = ? AND version = ?", values.toArray()) == 1;
    }

    /** Whether this household already has an open referral to this agency for this service. */
    boolean openExists(long householdId, ServiceKind service, String toAgency) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM referral WHERE household_id = ? "
                + "AND service = ? AND to_agency = ? AND status IN ('SENT', 'ACCEPTED')", Boolean.class, householdId,
                service.name(), toAgency));
    }

    /** Whether an accepted referral to this agency opens this household now. */
    boolean accepted(String agency, long householdId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM referral WHERE to_agency = ? "
                + "AND household_id = ? AND status = 'ACCEPTED'", Boolean.class, agency, householdId));
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Stored(rs.getLong("id"), rs.getInt("version"), rs.getLong("household_id"),
                rs.getString("registration_number"), rs.getString("head_name"),
                ServiceKind.valueOf(rs.getString("service")), rs.getString("from_agency"), rs.getString("to_agency"),
                Urgency.valueOf(rs.getString("urgency")), rs.getString("need"), rs.getBoolean("sensitive"),
                rs.getString("note"), ReferralStatus.valueOf(rs.getString("status")), rs.getBoolean("consent_given"),
                rs.getString("consent_given_by"), rs.getString("consent_purpose"), rs.getString("sent_by"),
                instant(rs, "sent_at"), rs.getString("accepted_by"), instant(rs, "accepted_at"),
                rs.getString("declined_by"), instant(rs, "declined_at"), rs.getString("decline_reason"),
                rs.getString("completed_by"), instant(rs, "completed_at"),
                outcome == null ? null : Outcome.valueOf(outcome), rs.getString("outcome_note"),
                rs.getString("revoked_by"), instant(rs, "revoked_at"), rs.getString("revoke_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
