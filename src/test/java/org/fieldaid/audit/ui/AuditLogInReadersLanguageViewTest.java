package org.fieldaid.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.fieldaid.audit.AuditEntry;
import org.fieldaid.base.AuditRecord;
import org.fieldaid.report.ui.ExportDialog;
import org.fieldaid.support.AsDemoUser;
import org.fieldaid.support.BrowserlessViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

class AuditLogInReadersLanguageViewTest extends BrowserlessViewTest {

    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationEventPublisher events;

    @Test
    @AsDemoUser("admin")
    void anAdministratorReadsActionsAgenciesAndSignInsInRussianAndExportsTheLogWithoutItsValues() {
        String actor = "view.test." + System.nanoTime();
        transactions.executeWithoutResult(status -> events.publishEvent(AuditRecord.of("LOGIN", "USER", actor,
                "Logged in", null, null).by(actor, "MCHS").saying("logged-in")));
        UI.getCurrent().setLocale(Locale.of("ru"));
        AuditLogView view = navigate(AuditLogView.class);
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = $(Grid.class).single();
        var rows = test(grid);
        int action = grid.getColumns().indexOf(grid.getColumnByKey("action"));
        int summary = grid.getColumns().indexOf(grid.getColumnByKey("summary"));
        boolean signIn = false;
        for (int row = 0; row < Math.min(rows.size(), 50); row++) {
            AuditEntry entry = rows.getRow(row);
            assertThat(rows.getCellText(row, action)).as("no raw code").isNotEqualTo(entry.action());
            if (entry.actor().equals(actor)) {
                assertThat(rows.getCellText(row, action)).isEqualTo("Вход в систему");
                assertThat(rows.getCellText(row, summary)).isEqualTo("Вошёл в систему");
                assertThat(entry.summary()).isEqualTo("Logged in");
                signIn = true;
            }
        }
        assertThat(signIn).as("the sign-in recorded with its key is among the newest").isTrue();

        test($(Button.class).withText(view.getTranslation("export.button")).single()).click();
        ExportDialog dialog = $(ExportDialog.class).single();
        assertThat($(Paragraph.class).from(dialog).withClassName("export-columns").single().getText())
                .contains("action", "summary", "summary_ru", "agency_name").doesNotContain("before", "after");
        assertThat($(Paragraph.class).from(dialog).withClassName("form-hint").single().getText())
                .isEqualTo(view.getTranslation("export.sensitive-left-out.audit-log"));
    }

    @Test
    @AsDemoUser("admin")
    void summariesReadInTheReadersLanguageWithTheCodesInThemTranslatedAndOlderRowsInEnglish() {
        String actor = "view.test.terms." + System.nanoTime();
        Map<String, AuditRecord> recorded = Map.of(
                "REFERRAL_DECLINED", AuditRecord.of("REFERRAL_DECLINED", "REFERRAL", 1, "Declined by HEALTH: no beds",
                        null, null).saying("referral-declined", AuditRecord.term("agency.", "HEALTH"), "no beds"),
                "REFERRAL_ACCEPTED", AuditRecord.of("REFERRAL_ACCEPTED", "REFERRAL", 2, "Accepted by NGO7; the "
                        + "household is open to it", null, null).saying("referral-accepted",
                        AuditRecord.term("agency.", "NGO7")),
                "SETTLEMENT_UPDATED", AuditRecord.of("SETTLEMENT_UPDATED", "SETTLEMENT", "S1", "Settlement changed",
                        null, null));
        transactions.executeWithoutResult(status -> recorded.values()
                .forEach(r -> events.publishEvent(r.by(actor, "MCHS"))));
        UI.getCurrent().setLocale(Locale.of("az"));
        navigate(AuditLogView.class);
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = $(Grid.class).single();
        var rows = test(grid);
        int summary = grid.getColumns().indexOf(grid.getColumnByKey("summary"));
        Map<String, String> shown = new HashMap<>();
        for (int row = 0; row < Math.min(rows.size(), 50); row++) {
            if (actor.equals(rows.getRow(row).actor())) {
                shown.put(rows.getRow(row).action(), rows.getCellText(row, summary));
            }
        }
        assertThat(shown).containsOnly(
                // the seeded agency reads by its Azerbaijani name; the reason typed stays as it was typed
                entry("REFERRAL_DECLINED", "Rədd edən: Səhiyyə Nazirliyi. Səbəb: no beds"),
                // an agency added later has no translation: it reads by its code
                entry("REFERRAL_ACCEPTED", "Qəbul edən: NGO7; ailənin qeydi ona açıqdır"),
                // a row recorded without a key shows its English summary
                entry("SETTLEMENT_UPDATED", "Settlement changed"));
    }
}
