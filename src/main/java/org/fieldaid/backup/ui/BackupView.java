package org.fieldaid.backup.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.fieldaid.backup.BackupFile;
import org.fieldaid.backup.Backups;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.base.ui.Notifications;
import org.fieldaid.base.ui.ViewHeader;
import org.fieldaid.security.Authority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Route("admin/backup")
@RolesAllowed(Authority.Codes.BACKUP_RUN)
@Menu(title = "nav.admin.backup", order = 94, icon = "vaadin:database")
class BackupView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger LOG = LoggerFactory.getLogger(BackupView.class);

    private final Backups backups;
    private final Div result = new Div();

    BackupView(Backups backups) {
        this.backups = backups;
        addClassName("admin-view");
        addClassName("backup-view");
        Button run = new Button(getTranslation("backup.run"), VaadinIcon.DOWNLOAD_ALT.create(), e -> run(e.getSource()));
        run.addThemeVariants(ButtonVariant.PRIMARY);
        run.setDisableOnClick(true);
        add(new ViewHeader(getTranslation("nav.admin.backup"), getTranslation("backup.description")));
        Paragraph where = new Paragraph(getTranslation("backup.folder", backups.folder().toString()));
        where.addClassName("backup-folder");
        if (backups.available()) {
            add(where, run);
        } else {
            run.setEnabled(false);
            add(new Paragraph(getTranslation("backup.postgres")), run);
        }
        result.addClassName("backup-result");
        result.getElement().setAttribute("role", "status");
        add(result);
    }

    private void run(Button button) {
        try {
            BackupFile file = backups.runH2Backup();
            Span path = new Span(file.path().toString());
            path.addClassName("backup-path");
            result.removeAll();
            result.add(new Paragraph(getTranslation("backup.done", Formats.number(file.bytes() / 1024, getLocale()))),
                    path);
            Notifications.success(getTranslation("backup.done.short"));
        } catch (RuntimeException e) {
            LOG.error("The backup failed", e);
            result.removeAll();
            result.add(new Paragraph(getTranslation("backup.failed")));
            Notifications.error(getTranslation("backup.failed"));
        } finally {
            button.setEnabled(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.backup") + " · FieldAid";
    }
}
