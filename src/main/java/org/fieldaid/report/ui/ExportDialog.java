package org.fieldaid.report.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.server.streams.DownloadEvent;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.base.ui.FormErrors;
import org.fieldaid.base.ui.FormShortcuts;
import org.fieldaid.base.ui.Formats;
import org.fieldaid.base.ui.Translations;
import org.fieldaid.report.ColumnAccess;
import org.fieldaid.report.ExportColumn;
import org.fieldaid.report.ExportOptions;
import org.fieldaid.report.ExportResult;
import org.fieldaid.report.ExportSource;
import org.fieldaid.report.Exports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the list as it is filtered and sorted: says which columns the file will have, offers the HXL row and the
 * byte order mark, encrypts personal data under a passphrase the person types, and shows the rows written while the
 * file streams, with a way to stop it. The file streams in its own request; the screen keeps answering.
 */
public class ExportDialog extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(ExportDialog.class);
    private static final int POLL_MILLIS = 700;

    private final Exports exports;
    private final RadioButtonGroup<ExportSource<?>> lists = new RadioButtonGroup<>();
    private final Paragraph what = new Paragraph();
    private final Paragraph leftOut = new Paragraph();
    private final Checkbox hxl = new Checkbox();
    private final Checkbox bom = new Checkbox();
    private final Checkbox encrypt = new Checkbox();
    private final PasswordField passphrase = new PasswordField();
    private final PasswordField repeat = new PasswordField();
    private final Paragraph message = new Paragraph();
    private final ProgressBar working = new ProgressBar();
    private final Span written = new Span();
    private final Button download = new Button();
    private final Button stop = new Button();
    private final Anchor file;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** The options of the download the person asked for; the download's own request reads them once. */
    private volatile ExportOptions asked;
    private volatile ExportSource<?> askedFor;

    /**
     * @param sources what may be exported from the list (households, or their members), each named by
     *                {@code export.list.<list>}; the first is chosen
     */
    public ExportDialog(Exports exports, List<ExportSource<?>> sources, String listName) {
        this.exports = exports;
        addClassName("export-dialog");
        setHeaderTitle(getTranslation("export.title", listName));
        setWidth("36rem");
        setMaxWidth("100%");

        lists.setLabel(getTranslation("export.what"));
        lists.setItems(sources);
        lists.setItemLabelGenerator(s -> getTranslation("export.list." + s.list()));
        lists.setVisible(sources.size() > 1);
        what.addClassName("export-columns");
        leftOut.addClassName("form-hint");
        VerticalLayout body = new VerticalLayout(lists, what, leftOut);
        body.setPadding(false);
        hxl.setLabel(getTranslation("export.hxl"));
        bom.setLabel(getTranslation("export.bom"));
        bom.setValue(true);
        encrypt.setLabel(getTranslation("export.encrypt"));
        lists.addValueChangeListener(e -> describe(e.getValue()));
        passphrase.setLabel(getTranslation("export.passphrase"));
        passphrase.setHelperText(getTranslation("export.passphrase.help", ExportOptions.MIN_PASSPHRASE));
        repeat.setLabel(getTranslation("export.passphrase.repeat"));
        passphrase.setWidthFull();
        repeat.setWidthFull();
        encrypt.addValueChangeListener(e -> showPassphrase());
        showPassphrase();
        body.add(hxl, bom, encrypt, passphrase, repeat);

        message.setVisible(false);
        message.getElement().setAttribute("role", "alert");
        message.addClassName("export-message");
        working.setIndeterminate(true);
        HorizontalLayout progress = new HorizontalLayout(working, written);
        progress.setWidthFull();
        progress.setAlignItems(FlexComponent.Alignment.CENTER);
        progress.setFlexGrow(1, working);
        progress.addClassName("export-progress");
        body.add(message, progress);
        add(body);

        file = new Anchor(this::stream, "");
        file.addClassName("export-file");
        file.getElement().setAttribute("tabindex", "-1");
        file.getElement().setAttribute("aria-hidden", "true");
        add(file);

        download.setText(getTranslation("export.download"));
        download.addThemeVariants(ButtonVariant.PRIMARY);
        download.addClickListener(e -> start());
        FormShortcuts.click(download, Key.ENTER);
        stop.setText(getTranslation("export.stop"));
        stop.addClickListener(e -> cancelled.set(true));
        Button close = new Button(getTranslation("export.close"), e -> close());
        getFooter().add(close, stop, download);
        idle();
        lists.setValue(sources.getFirst());
    }

    /**
     * The Export button of a list: opens the dialog on what the list shows when it is pressed, its filters and its
     * order as they are then.
     */
    public static Button button(Exports exports, String listName, Supplier<List<ExportSource<?>>> sources) {
        return button(exports, () -> listName, sources);
    }

    /** @param listName what the list shows now, for the dialog's title: a round, a warehouse */
    public static Button button(Exports exports, Supplier<String> listName,
                                Supplier<List<ExportSource<?>>> sources) {
        Button export = new Button(VaadinIcon.DOWNLOAD_ALT.create(),
                e -> new ExportDialog(exports, sources.get(), listName.get()).open());
        export.setText(export.getTranslation("export.button"));
        export.addClassName("export-button");
        return export;
    }

    /** Which columns the chosen list's file will have for this person, and what is left out and why. */
    private void describe(ExportSource<?> source) {
        List<? extends ExportColumn<?>> columns = exports.columnsFor(source);
        boolean personal = columns.stream().anyMatch(c -> c.access() != ColumnAccess.AGGREGATE);
        what.setText(getTranslation("export.columns", columns.size(),
                columns.stream().map(ExportColumn::name).collect(Collectors.joining(", "))));
        leftOut.setVisible(columns.size() < source.columns().size());
        String reason = exports.mayTake(source, ColumnAccess.PERSONAL) ? "export.sensitive-left-out"
                : "export.personal-left-out";
        // a list whose personal columns are not names and phones says what it leaves out in its own words
        leftOut.setText(getTranslation(Translations.exists(reason + "." + source.list()) ? reason + "." + source.list()
                : reason));
        encrypt.setValue(personal);
        encrypt.setVisible(personal);
    }

    private void showPassphrase() {
        passphrase.setVisible(encrypt.getValue());
        repeat.setVisible(encrypt.getValue());
    }

    private void start() {
        Map<String, PasswordField> fields = new LinkedHashMap<>();
        fields.put("passphrase", passphrase);
        fields.put("repeat", repeat);
        ExportOptions options = new ExportOptions(bom.getValue(), hxl.getValue(),
                encrypt.getValue() ? passphrase.getValue() : null);
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (options.encrypted() && passphrase.getValue().strip().length() < ExportOptions.MIN_PASSPHRASE) {
            problems.put("passphrase", List.of("export.error.passphrase-short"));
        } else if (options.encrypted()
                && org.fieldaid.base.TextInput.problem(passphrase.getValue(), ExportOptions.MAX_PASSPHRASE) != null) {
            problems.put("passphrase", List.of(org.fieldaid.base.TextInput.problem(passphrase.getValue(),
                    ExportOptions.MAX_PASSPHRASE)));
        } else if (options.encrypted() && !passphrase.getValue().equals(repeat.getValue())) {
            problems.put("repeat", List.of("export.error.passphrase-differs"));
        }
        FormErrors.show(this, problems, fields);
        if (!problems.isEmpty()) {
            return;
        }
        cancelled.set(false);
        askedFor = lists.getValue();
        asked = options;
        running(0);
        getUI().ifPresent(ui -> ui.setPollInterval(POLL_MILLIS));
        file.getElement().callJsFunction("click");
    }

    private void stream(DownloadEvent event) {
        ExportOptions options = asked;
        ExportSource<?> source = askedFor;
        asked = null;
        UI ui = event.getUI();
        if (options == null) {
            // a link opened again, or by hand: nothing was asked for
            event.getResponse().setStatus(404);
            return;
        }
        event.setFileName(source.list() + "-" + LocalDate.now() + (options.encrypted() ? ".zip" : ".csv"));
        event.setContentType(options.encrypted() ? "application/zip" : "text/csv; charset=UTF-8");
        try (OutputStream out = event.getOutputStream()) {
            ExportResult result = exports.write(source, options, out, cancelled::get,
                    rows -> ui.access(() -> running(rows)));
            ui.access(() -> done(result));
        } catch (InvalidInputException e) {
            ui.access(() -> failed("export.error.passphrase-short"));
        } catch (Exception e) {
            log.warn("Export of {} failed", source.list(), e);
            ui.access(() -> failed("export.error.failed"));
        }
    }

    private void idle() {
        working.setVisible(false);
        written.setVisible(false);
        stop.setVisible(false);
        download.setEnabled(true);
    }

    private void running(long rows) {
        working.setVisible(true);
        written.setVisible(true);
        written.setText(getTranslation("export.rows-written", Formats.number(rows, getLocale())));
        stop.setVisible(true);
        download.setEnabled(false);
        message.setVisible(false);
    }

    private void done(ExportResult result) {
        stopPolling();
        idle();
        show(getTranslation(result.complete() ? "export.done" : "export.stopped",
                Formats.number(result.rows(), getLocale())), result.complete() ? "done" : "stopped");
    }

    private void failed(String key) {
        stopPolling();
        idle();
        show(getTranslation(key), "failed");
    }

    private void show(String text, String outcome) {
        message.setText(text);
        message.getElement().setAttribute("data-outcome", outcome);
        message.setVisible(true);
    }

    private void stopPolling() {
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }
}
