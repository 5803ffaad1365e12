package org.fieldaid.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.fieldaid.report.Dashboard;
import org.fieldaid.report.ReportFilter;
import org.fieldaid.report.SmallCounts;
import org.fieldaid.support.BrowserTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real Chromium: an analyst starts on the dashboard, types a period day first, opens the situation report for
 * it, and prints it; the report's key figure is the dashboard service's count for the same reader and period.
 */
class DashboardE2ETest extends BrowserTest {

    @Autowired Dashboard dashboard;
    @Autowired SignIn signIn;

    @Test
    void anAnalystFiltersTheDashboardByATypedPeriodAndPrintsTheSituationReport() {
        try (BrowserContext context = newContext("en-GB", 1280, 1000)) {
            Page page = signIn(context, "mfa.analyst");
            useLanguage(page, "English");
            page.navigate(url(""));
            page.waitForURL(Pattern.compile(".*/reports$"));
            assertThat(page.locator("#figure-households-by-status svg title")).hasText("Households by status");
            assertThat(page.locator("#figure-map svg .map-place").first()).isAttached();

            page.locator("vaadin-date-picker.report-from input").fill("01.09.2020");
            page.locator("vaadin-date-picker.report-from input").press("Tab");
            page.locator("vaadin-date-picker.report-to input").fill("31/12/2020");
            page.locator("vaadin-date-picker.report-to input").press("Tab");
            page.locator("vaadin-button.report-apply").click();
            page.waitForURL(Pattern.compile(".*/reports\\?.*from=2020-09-01.*"));
            assertThat(page.locator("a.situation-link")).hasAttribute("href",
                    Pattern.compile("reports/situation\\?.*to=2020-12-31.*"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("e2e-dashboard-en-1280.png")));

            page.locator("a.situation-link").click();
            page.waitForURL(Pattern.compile(".*/reports/situation\\?.*"));
            long total = signIn.run("mfa.analyst", () -> dashboard.report(new ReportFilter(LocalDate.of(2020, 9, 1),
                    LocalDate.of(2020, 12, 31), null), Locale.UK).total("households-by-status"));
            assertThat(page.locator(".situation-key[data-figure=households-by-status] .situation-key-value"))
                    .hasText(SmallCounts.text(total, Locale.UK));
            assertThat(page.locator(".situation-meta")).containsText("1 Sept 2020 – 31 Dec 2020");
            assertThat(page.locator(".situation-print")).isVisible();

            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
            assertThat(page.locator(".situation-print")).isHidden();
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(SHOTS.resolve("e2e-situation-print-en.png")));
            byte[] pdf = page.pdf(new Page.PdfOptions().setFormat("A4").setPrintBackground(true)
                    .setPath(SHOTS.resolve("e2e-situation-en.pdf")));
            org.assertj.core.api.Assertions.assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
        }
    }
}
