package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import org.fieldaid.support.HttpBrowser;
import org.fieldaid.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The headers a browser gets with real HTTP responses, signed in and not. */
@IntegrationTest
class SecurityHeadersTest {

    @LocalServerPort int port;

    @Test
    void theLoginPageCarriesTheSecurityHeadersAndASameSiteSessionCookie() throws Exception {
        HttpResponse<String> login = new HttpBrowser(port).get("login");

        assertThat(login.statusCode()).isEqualTo(200);
        assertSecurityHeaders(login.headers());
        assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement().satisfies(cookie -> assertThat(cookie).contains("HttpOnly", "SameSite=Lax"));
    }

    @Test
    void aSignedInViewAndItsVaadinRequestsCarryTheSecurityHeaders() throws Exception {
        HttpBrowser browser = new HttpBrowser(port).signIn("mchs.officer");

        HttpResponse<String> page = browser.get("households");
        assertThat(page.statusCode()).isEqualTo(200);
        assertSecurityHeaders(page.headers());

        HttpResponse<String> init = browser.get("?v-r=init&location=households&query=");
        assertThat(init.statusCode()).isEqualTo(200);
        assertSecurityHeaders(init.headers());
    }

    @Test
    void anAnonymousVisitorOfAnUnknownAddressIsSentToTheLoginPage() throws Exception {
        HttpResponse<String> response = new HttpBrowser(port).get("no-such-page");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertSecurityHeaders(response.headers());
    }

    private static void assertSecurityHeaders(HttpHeaders headers) {
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
                        "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "connect-src 'self'",
                        "object-src 'none'", "frame-ancestors 'none'"));
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(headers.firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    }
}
