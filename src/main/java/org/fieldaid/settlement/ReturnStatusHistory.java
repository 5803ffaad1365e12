package org.fieldaid.settlement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The append-only history of return statuses; rows are inserted, never changed. */
@Repository
class ReturnStatusHistory {

    private final JdbcTemplate jdbc;

    ReturnStatusHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(long settlementId, ReturnStatus status, ReturnStatus previous, String reason, LocalDate effectiveOn,
             String setBy, String agencyCode, Instant at) {
        jdbc.update("INSERT INTO settlement_return_status (settlement_id, status, previous, reason, effective_on, "
                        + "set_by, agency_code, set_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", settlementId, status.name(),
                previous == null ? null : previous.name(), reason, effectiveOn, setBy, agencyCode,
                at.atOffset(ZoneOffset.UTC));
    }

    List<ReturnStatusChange> of(long settlementId) {
        return jdbc.query("SELECT * FROM settlement_return_status WHERE settlement_id = ? ORDER BY id DESC",
                (rs, n) -> new ReturnStatusChange(rs.getLong("id"), rs.getLong("settlement_id"),
                        ReturnStatus.valueOf(rs.getString("status")), status(rs, "previous"), rs.getString("reason"),
                        rs.getObject("effective_on", LocalDate.class), rs.getString("set_by"),
                        rs.getString("agency_code"), rs.getObject("set_at", OffsetDateTime.class).toInstant()),
                settlementId);
    }

    private static ReturnStatus status(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : ReturnStatus.valueOf(value);
    }
}
