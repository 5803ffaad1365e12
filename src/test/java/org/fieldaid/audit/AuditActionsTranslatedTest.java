package org.fieldaid.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fieldaid.base.ui.AuditActions;
import org.fieldaid.support.IntegrationTest;
import org.fieldaid.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every action code the system writes to the audit log reads in all four languages (decision 022). The codes are
 * found where they are written: the first argument of every {@code AuditRecord.of(...)}, {@code new
 * AuditRecord(...)} and feature {@code audit("...", ...)} call in the main sources, with constants resolved in
 * their file; and every code the demo database's log holds.
 */
@IntegrationTest
class AuditActionsTranslatedTest {

    private static final Pattern CALL = Pattern.compile("(?:AuditRecord\\.of|new AuditRecord|[^.\\w]audit)\\(");
    /** A feature helper whose first argument is the record's id and second the code ({@code audited(id, "X", ...)}). */
    private static final Pattern AUDITED = Pattern.compile("[^.\\w]audited\\(");
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");
    private static final Pattern NAME = Pattern.compile("\\b([A-Z][A-Z0-9_]*)\\b");
    private static final List<String> LANGUAGES = List.of("", "_ru", "_hy", "_az");

    @Autowired AuditLog auditLog;
    @Autowired SignIn signIn;

    static Set<String> codesWrittenInTheSources() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Map<String, String> constants = new HashMap<>();
                Matcher constant = Pattern.compile("static final String ([A-Z][A-Z0-9_]*) = \"([A-Z_]+)\";")
                        .matcher(text);
                while (constant.find()) {
                    constants.put(constant.group(1), constant.group(2));
                }
                Matcher helper = AUDITED.matcher(text);
                while (helper.find()) {
                    String id = firstArgument(text, helper.end());
                    Matcher literal = CODE.matcher(firstArgument(text, helper.end() + id.length() + 1));
                    if (literal.find()) {
                        codes.add(literal.group(1));
                    }
                }
                Matcher call = CALL.matcher(text);
                while (call.find()) {
                    String first = firstArgument(text, call.end());
                    Matcher literal = CODE.matcher(first);
                    while (literal.find()) {
                        codes.add(literal.group(1));
                    }
                    Matcher name = NAME.matcher(first.replaceAll("\"[^\"]*\"", ""));
                    while (name.find()) {
                        if (constants.containsKey(name.group(1))) {
                            codes.add(constants.get(name.group(1)));
                        }
                    }
                }
            }
        }
        return codes;
    }

    /** The text of the first argument: up to the first comma outside parentheses and strings. */
    private static String firstArgument(String text, int from) {
        int depth = 0;
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && text.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                if (depth-- == 0) {
                    return text.substring(from, i);
                }
            } else if (!quoted && c == ',' && depth == 0) {
                return text.substring(from, i);
            }
        }
        return "";
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AuditActionsTranslatedTest.class.getResourceAsStream(
                "/vaadin-i18n/translations" + suffix + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static void assertTranslatedEverywhere(Set<String> codes) throws IOException {
        for (String language : LANGUAGES) {
            Properties texts = bundle(language);
            assertThat(codes).as("codes without a text in translations" + language)
                    .allSatisfy(code -> assertThat(texts.getProperty(AuditActions.PREFIX + code))
                            .as(code + " in translations" + language).isNotBlank());
        }
    }

    @Test
    void everyActionCodeInTheSourcesHasATextInEveryLanguage() throws IOException {
        Set<String> codes = codesWrittenInTheSources();
        // the scan itself finds codes of every kind of call: literals, ternaries, constants, feature helpers
        assertThat(codes).contains("USER_UPDATED", "HOUSEHOLD_REGISTERED", "HOUSEHOLD_REJECTED", "EXPORT",
                "EXPORT_STOPPED", "ACCESS_DENIED", "NOT_FOUND", "AID_DELIVERED", "CONVOY_DEPARTED", "JOURNEY_CROSSED")
                .hasSizeGreaterThan(60);
        assertTranslatedEverywhere(codes);
    }

    @Test
    void everyActionCodeTheLogHoldsHasATextInEveryLanguage() throws IOException {
        Set<String> held = new TreeSet<>(signIn.run("admin", auditLog::actions));
        assertThat(held).contains("USER_CREATED");
        assertTranslatedEverywhere(held);
    }

    @Test
    void everySummaryKeyInTheSourcesHasATextInEveryLanguage() throws IOException {
        Set<String> keys = new TreeSet<>();
        Pattern saying = Pattern.compile("\\.saying\\(");
        Pattern key = Pattern.compile("\"([a-z][a-z-]*)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher call = saying.matcher(text);
                while (call.find()) {
                    Matcher literal = key.matcher(firstArgument(text, call.end()));
                    while (literal.find()) {
                        keys.add(literal.group(1));
                    }
                }
            }
        }
        assertThat(keys).contains("logged-in", "wrong-password", "locked", "language-changed");
        for (String language : LANGUAGES) {
            Properties texts = bundle(language);
            assertThat(keys).allSatisfy(k -> assertThat(texts.getProperty(AuditActions.SUMMARY_PREFIX + k))
                    .as(k + " in translations" + language).isNotBlank());
        }
    }

    @Test
    void noTextIsLeftForACodeNothingWrites() throws IOException {
        Set<String> written = codesWrittenInTheSources();
        Set<String> texts = new TreeSet<>();
        bundle("").stringPropertyNames().stream().filter(k -> k.startsWith(AuditActions.PREFIX))
                .forEach(k -> texts.add(k.substring(AuditActions.PREFIX.length())));
        assertThat(texts).isEqualTo(written);
    }
}
