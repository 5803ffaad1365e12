package org.fieldaid.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.fieldaid.support.HostileInput;
import org.fieldaid.support.HttpBrowser;
import org.fieldaid.support.HttpBrowser.VaadinPage;
import org.fieldaid.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile addresses over real HTTP (issue 14, item 5): record ids that are no ids, too big, negative or holding
 * control characters and markup, very long paths and query strings, and a login with such a name and password.
 * Each gets the layout's error view, or a plain refusal from the server, never a failure page, a 500 or a stack
 * trace.
 */
@IntegrationTest
class HostileRoutesHttpTest {

    private static final List<String> LEAKS = List.of("xception", "at org.", "at com.", "at java.", "SQL",
            "PSQL", "Caused by", "could not be opened", "Whitelabel");
    private static final String UNAVAILABLE = "This page is not available";

    /** Addresses of one record, as the client engine asks for them; each must read like a page that does not exist. */
    private static final List<String> RECORDS = List.of("households/%00", "households/-1", "households/1e99",
            "households/0", "households/99999999999999999999", "households/9223372036854775807",
            "households/" + "9".repeat(3_000), "households/abc%3Cscript%3Ealert(1)%3C/script%3E",
            "households/1%27%20OR%20%271%27=%271", "households/NaN", "households/%E2%80%AE1", "households/-0",
            "households/1.5", "households/%F0%9F%98%80", "households/1/edit/%00", "households/%uD800",
            "households/99999999999999999999/edit", "aid/receipt/%00", "aid/receipt/%3Cscript%3E",
            "aid/receipt/' OR '1'='1", "aid/receipt/" + "R".repeat(2_000), "aid/exceptions/99999999999999999999",
            "aid/exceptions/%00", "aid/exceptions/-1", "journeys/convoys/manifest/NaN",
            "journeys/convoys/manifest/-1", "no-such-page/%00");

    /**
     * Lists that open a record named in the address: a hostile one is no record, so the list opens with none, or
     * the error view says the page is not available; never a failure.
     */
    private static final List<String> LISTS = List.of("aid/rounds/-1", "aid/rounds/1e309", "journeys/-1",
            "journeys/1e99", "referrals/-1", "referrals/sent/1e99", "referrals/%00", "aid/rounds/%00");

    @LocalServerPort int port;

    @AfterAll
    static void report() {
        System.out.println(HostileInput.report("addresses so far"));
    }

    @Test
    void hostileRecordAddressesShowTheLayoutsErrorViewAndNeverAFailure() throws Exception {
        HttpBrowser officer = new HttpBrowser(port).signIn("mchs.officer");
        for (String route : RECORDS) {
            VaadinPage page = officer.open(route);
            assertThat(page.texts()).as(route).contains(UNAVAILABLE).as(route + " inside the layout")
                    .contains("Log out");
            assertThat(page.raw()).as(route).doesNotContain(LEAKS);
            HostileInput.counted("addresses (HTTP)");
        }
        HttpBrowser planner = new HttpBrowser(port).signIn("mod.officer");
        for (String route : LISTS) {
            VaadinPage page = (route.startsWith("journeys") ? planner : officer).open(route);
            assertThat(page.texts()).as(route + " inside the layout").contains("Log out");
            assertThat(page.raw()).as(route).doesNotContain(LEAKS);
            HostileInput.counted("addresses (HTTP)");
        }
    }

    @Test
    void hostilePathsAndQueryStringsAreAnsweredWithoutAFailure() throws Exception {
        HttpBrowser officer = new HttpBrowser(port).signIn("mchs.officer");
        List<String> paths = List.of("households/%00", "households/-1", "households/1e99", "households/%2e%2e/%2e%2e/etc",
                "households?search=%00&id=-1", "households?q=%27%20OR%20%271%27%3D%271", "households?x=" + "a".repeat(
                        6_000), "households/" + "9".repeat(20_000), "aid/receipt/%00", "%00", "households;jsessionid=x",
                "households/%c0%ae%c0%ae/", "households?%E2%80%AE=1", "VAADIN/%00");
        for (String path : paths) {
            HttpResponse<String> response = officer.get(path);
            assertThat(response.statusCode()).as(path).isNotEqualTo(500).isLessThan(500);
            assertThat(response.body()).as(path).doesNotContain(LEAKS);
            HostileInput.counted("addresses (HTTP)");
        }
    }

    @Test
    void aLoginWithAHostileNameOrPasswordIsRefusedLikeAWrongOne() throws Exception {
        HttpBrowser visitor = new HttpBrowser(port);
        List<String[]> attempts = List.of(new String[]{"adm\u0000in", "fieldaid"},
                new String[]{"mod.analyst", "x".repeat(200)}, new String[]{"mod.analyst", "Ա".repeat(50)},
                new String[]{"' OR '1'='1", "' OR '1'='1"}, new String[]{"<script>alert(1)</script>", "fieldaid"},
                new String[]{"a".repeat(5_000), "fieldaid"}, new String[]{"admin\u202E", "fieldaid"},
                new String[]{"mod.analyst", "fieldaid\u0000"}, new String[]{"\uD800", "\uDC00"});
        for (String[] attempt : attempts) {
            String next = visitor.postLogin(attempt[0], attempt[1]);
            assertThat(next).as(attempt[0]).contains("login?error");
            HostileInput.counted("login form (HTTP)");
        }
    }
}
