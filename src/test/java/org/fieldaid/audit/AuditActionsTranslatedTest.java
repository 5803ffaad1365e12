package org.fieldaid.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
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
 * their file; and every code the demo database's log holds. Every summary reads in all four languages too: each
 * {@code AuditRecord.of(...)} says its summary as a key, and each key has its texts, with the arguments it is given.
 */
@IntegrationTest
class AuditActionsTranslatedTest {

    private static final Pattern CALL = Pattern.compile("(?:AuditRecord\\.of|new AuditRecord|[^.\\w]audit)\\(");
    /** A feature helper whose first argument is the record's id and second the code ({@code audited(id, "X", ...)}). */
    private static final Pattern AUDITED = Pattern.compile("[^.\\w]audited\\(");
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");
    private static final Pattern NAME = Pattern.compile("\\b([A-Z][A-Z0-9_]*)\\b");
    private static final List<String> LANGUAGES = List.of("", "_ru", "_hy", "_az");
    private static final Pattern SAYING = Pattern.compile("\\.saying\\(");
    /** The features' own helpers that take a summary key besides the English text. */
    private static final Pattern SUMMARY_HELPER = Pattern.compile("[^.\\w](?:audit|audited|failed)\\(");
    private static final Pattern CHAINED = Pattern.compile("\\s*\\.(\\w+)\\(");
    private static final Pattern SUMMARY_KEY = Pattern.compile("\"([a-z][a-z-]*)\"");

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
        List<String> arguments = arguments(text, from);
        return arguments.isEmpty() ? "" : arguments.get(0);
    }

    /** The call's arguments, from just after its opening parenthesis to its closing one; empty if it never closes. */
    private static List<String> arguments(String text, int from) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int start = from;
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && text.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                if (depth-- == 0) {
                    if (i > start || !arguments.isEmpty()) {
                        arguments.add(text.substring(start, i).strip());
                    }
                    return arguments;
                }
            } else if (!quoted && c == ',' && depth == 0) {
                arguments.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        return List.of();
    }

    /** Where the call whose arguments start at {@code from} ends, just after its closing parenthesis. */
    private static int endOfCall(String text, int from) {
        int depth = 0;
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && text.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && depth-- == 0) {
                return i + 1;
            }
        }
        return text.length();
    }

    private static int line(String text, int at) {
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static Map<Path, String> mainSources() throws IOException {
        Map<Path, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(file, Files.readString(file));
            }
        }
        return sources;
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

    /**
     * The summary keys written in the sources, each with how many arguments it is given: the first argument of
     * {@code .saying(...)}, and the key a feature passes to its own audit helper (its first argument that is nothing
     * but key literals, as in {@code audit("AID_DELIVERED", "AID_DELIVERY", receipt, "Delivered ...", "delivered",
     * quantity, ...)}).
     */
    static Map<String, Integer> summaryKeysWrittenInTheSources() throws IOException {
        Map<String, Integer> keys = new TreeMap<>();
        for (String text : mainSources().values()) {
            Matcher call = SAYING.matcher(text);
            while (call.find()) {
                List<String> arguments = arguments(text, call.end());
                Matcher literal = SUMMARY_KEY.matcher(arguments.isEmpty() ? "" : arguments.get(0));
                while (literal.find()) {
                    keys.put(literal.group(1), arguments.size() - 1);
                }
            }
            Matcher helper = SUMMARY_HELPER.matcher(text);
            while (helper.find()) {
                List<String> arguments = arguments(text, helper.end());
                for (int i = 0; i < arguments.size(); i++) {
                    if (onlySummaryKeys(arguments.get(i))) {
                        Matcher literal = SUMMARY_KEY.matcher(arguments.get(i));
                        while (literal.find()) {
                            keys.put(literal.group(1), arguments.size() - i - 1);
                        }
                        break;
                    }
                }
            }
        }
        return keys;
    }

    private static boolean onlySummaryKeys(String argument) {
        Matcher literal = Pattern.compile("\"[^\"]*\"").matcher(argument);
        boolean any = false;
        while (literal.find()) {
            if (!SUMMARY_KEY.matcher(literal.group()).matches()) {
                return false;
            }
            any = true;
        }
        return any && !argument.contains("+");
    }

    private static Set<Integer> placeholders(String text) {
        Set<Integer> used = new TreeSet<>();
        Matcher placeholder = Pattern.compile("\\{(\\d+)[,}]").matcher(text);
        while (placeholder.find()) {
            used.add(Integer.parseInt(placeholder.group(1)));
        }
        return used;
    }

    @Test
    void everyAuditRecordInTheSourcesSaysItsSummaryAsAKey() throws IOException {
        List<String> englishOnly = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<Path, String> source : mainSources().entrySet()) {
            String text = source.getValue();
            Matcher call = Pattern.compile("AuditRecord\\.of\\(").matcher(text);
            while (call.find()) {
                calls++;
                int at = endOfCall(text, call.end());
                boolean said = false;
                Matcher chained = CHAINED.matcher(text);
                while (!said && chained.region(at, text.length()).lookingAt()) {
                    said = chained.group(1).equals("saying");
                    at = endOfCall(text, chained.end());
                }
                if (!said) {
                    englishOnly.add(source.getKey().getFileName() + ":" + line(text, call.start()));
                }
            }
        }
        assertThat(calls).as("the scan finds the calls").isGreaterThan(50);
        assertThat(englishOnly).as("AuditRecord.of(...) without .saying(key, args...): the log would read in English"
                + " only").isEmpty();
    }

    @Test
    void everySummaryKeyInTheSourcesHasATextInEveryLanguageWithItsArguments() throws IOException {
        Map<String, Integer> keys = summaryKeysWrittenInTheSources();
        // the scan finds keys of every kind: .saying literals, ternaries, and the features' own audit helpers
        assertThat(keys).containsEntry("logged-in", 0).containsEntry("locked", 2).containsEntry("wrong-password", 0)
                .containsEntry("approval-rejected", 2).containsEntry("delivered-partly-proxy", 4)
                .containsEntry("referral-declined", 2).containsEntry("convoy-departed", 2).hasSizeGreaterThan(70);
        Properties english = bundle("");
        for (String language : LANGUAGES) {
            Properties texts = bundle(language);
            keys.forEach((key, given) -> {
                String text = texts.getProperty(AuditActions.SUMMARY_PREFIX + key);
                assertThat(text).as(key + " in translations" + language).isNotBlank();
                Set<Integer> used = placeholders(text);
                assertThat(used).as(key + " in translations" + language + " uses the arguments the English uses")
                        .isEqualTo(placeholders(english.getProperty(AuditActions.SUMMARY_PREFIX + key)));
                assertThat(used).as(key + " in translations" + language + " is given every argument it shows")
                        .allSatisfy(i -> assertThat(i).isLessThan(given));
                if (!used.isEmpty()) {
                    Object[] samples = IntStream.range(0, given).mapToObj(i -> "\u2039" + i + "\u203A").toArray();
                    String formatted = new MessageFormat(text, Locale.ENGLISH).format(samples);
                    assertThat(formatted).as(key + " in translations" + language + " shows its arguments (a lone '"
                                    + " quotes them away)")
                            .contains(used.stream().map(i -> (String) samples[i]).toList());
                }
            });
        }
    }

    @Test
    void everyTermArgumentNamesKeysThatExist() throws IOException {
        Properties english = bundle("");
        Set<String> prefixes = new TreeSet<>();
        for (String text : mainSources().values()) {
            Matcher term = Pattern.compile("AuditRecord\\.term\\(\\s*(\\w+|\"[^\"]+\")").matcher(text);
            while (term.find()) {
                String prefix = term.group(1);
                Matcher constant = Pattern.compile("static final String " + prefix + " = (\"[^\"]+\");").matcher(text);
                prefixes.add((constant.find() ? constant.group(1) : prefix).replace("\"", ""));
            }
        }
        assertThat(prefixes).contains("agency.", "return-status.", "approval.kind.", "export.list.");
        assertThat(prefixes).allSatisfy(prefix -> assertThat(english.stringPropertyNames())
                .as("texts under " + prefix).anyMatch(k -> k.startsWith(prefix)));
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
