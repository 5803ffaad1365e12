package org.fieldaid.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fieldaid.report.ExportOptions;
import org.fieldaid.report.ExportResult;
import org.fieldaid.report.Exports;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The referral lists through the same exporter as the other lists, by service, agency, status and age. */
@IntegrationTest
class ReferralExportTest {

    @Autowired ReferralExports referralExports;
    @Autowired Exports exports;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void thePartnersAnalystExportsTheReferralsItReceivedWithoutNamingAnyFamily() throws Exception {
        signIn.as("partner.analyst");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportResult result = exports.write(referralExports.referrals(ReferralQuery.received(null)),
                ExportOptions.plain(), out, () -> false, rows -> { });
        List<String[]> rows;
        try (CSVReader reader = new CSVReaderBuilder(new StringReader(out.toString(StandardCharsets.UTF_8)))
                .withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            rows = reader.readAll();
        }
        long received = jdbc.queryForObject("SELECT COUNT(*) FROM referral WHERE to_agency = 'PARTNER'", Long.class);
        assertThat(received).isPositive();
        assertThat(result.rows()).isEqualTo(received);
        List<String> header = List.of(rows.getFirst());
        assertThat(header).contains("service", "from_agency", "to_agency", "status", "age_days", "members", "outcome")
                .doesNotContain("registration_number");
        int to = header.indexOf("to_agency");
        int status = header.indexOf("status");
        assertThat(rows.stream().skip(1).map(r -> r[to])).containsOnly("PARTNER");
        assertThat(rows.stream().skip(1).map(r -> r[status])).contains("ACCEPTED", "COMPLETED");
        String all = out.toString(StandardCharsets.UTF_8);
        for (String number : jdbc.queryForList("SELECT registration_number FROM referral WHERE to_agency = 'PARTNER'",
                String.class)) {
            assertThat(all).doesNotContain(number);
        }
    }
}
