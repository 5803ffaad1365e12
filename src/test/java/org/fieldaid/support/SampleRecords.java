package org.fieldaid.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One record of every kind from the demo data, found with SQL rather than through the services that tests hold to
 * account, for the tests that guess ids: a household without consent to share with partners, a fresh draft of the
 * aid ministry, a delivery (and its receipt), a round, an aid exception, a journey, a convoy, a journey that
 * crossed, referrals that the defence ministry and the partner are not party to, an approval request of the aid
 * ministry.
 */
public record SampleRecords(long unconsented, long draft, String receipt, long delivery, long round, long exception,
                            long journey, long convoy, long crossedJourney, long referralWithoutMod,
                            long referralWithoutPartner, long mchsRequest) {

    /** An id that no record of any kind has. */
    public static final long MISSING = 987_654_321L;

    public static SampleRecords find(JdbcTemplate jdbc, long draft) {
        return new SampleRecords(
                id(jdbc, "SELECT MIN(id) FROM household WHERE status = 'REGISTERED'"
                        + " AND consent_share_partners = FALSE"),
                draft,
                jdbc.queryForObject("SELECT MIN(receipt_number) FROM aid_delivery", String.class),
                id(jdbc, "SELECT MIN(id) FROM aid_delivery"),
                id(jdbc, "SELECT MIN(id) FROM aid_round"),
                id(jdbc, "SELECT MIN(id) FROM aid_exception"),
                id(jdbc, "SELECT MIN(id) FROM journey"),
                id(jdbc, "SELECT MIN(id) FROM journey_convoy"),
                id(jdbc, "SELECT MIN(journey_id) FROM journey_crossing"),
                id(jdbc, "SELECT MIN(id) FROM referral WHERE from_agency <> 'MOD' AND to_agency <> 'MOD'"),
                id(jdbc, "SELECT MIN(id) FROM referral WHERE from_agency <> 'PARTNER' AND to_agency <> 'PARTNER'"),
                id(jdbc, "SELECT MIN(id) FROM approval_request WHERE agency_code = 'MCHS'"));
    }

    private static long id(JdbcTemplate jdbc, String sql) {
        Long id = jdbc.queryForObject(sql, Long.class);
        assertThat(id).as("the demo data holds a record for: " + sql).isNotNull();
        return id;
    }
}
