package org.fieldaid.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fieldaid.approval.ApprovalStatus;
import org.fieldaid.base.ui.Languages;
import org.fieldaid.household.DocumentType;
import org.fieldaid.household.HouseholdStatus;
import org.fieldaid.household.Relation;
import org.fieldaid.household.Sex;
import org.fieldaid.household.Vulnerability;
import org.fieldaid.security.Authority;
import org.fieldaid.security.Capability;
import org.fieldaid.security.Role;
import org.fieldaid.settlement.NameTradition;
import org.fieldaid.settlement.ReturnStatus;
import org.fieldaid.settlement.SettlementKind;
import org.junit.jupiter.api.Test;

/** Every language file has every key, and every key the code asks for exists. */
class I18nKeysTest {

    private static final List<String> FILES = List.of("translations.properties", "translations_ru.properties",
            "translations_hy.properties", "translations_az.properties");

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nKeysTest.class.getResourceAsStream("/vaadin-i18n/" + file)) {
            assertThat(in).as(file).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void allLanguageFilesHaveTheSameKeys() throws IOException {
        Set<String> english = new TreeSet<>(load(FILES.get(0)).stringPropertyNames());
        for (String file : FILES.subList(1, FILES.size())) {
            Set<String> other = new TreeSet<>(load(file).stringPropertyNames());
            Set<String> missing = new TreeSet<>(english);
            missing.removeAll(other);
            Set<String> extra = new TreeSet<>(other);
            extra.removeAll(english);
            assertThat(missing).as("keys missing from " + file).isEmpty();
            assertThat(extra).as("keys in " + file + " but not in English").isEmpty();
        }
    }

    @Test
    void noTranslationIsEmpty() throws IOException {
        for (String file : FILES) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                assertThat(p.getProperty(key)).as(file + ": " + key).isNotBlank();
            }
        }
    }

    @Test
    void everyLiteralKeyInTheCodeExists() throws IOException {
        Properties english = load(FILES.get(0));
        Pattern call = Pattern.compile("getTranslation\\(\\s*\"([a-z][a-zA-Z0-9.\\-]*[a-zA-Z0-9])\"");
        Pattern keyLiteral = Pattern.compile("\"((?:validation|error|user\\.error|agency\\.error|settlement\\.error|"
                + "household\\.error|approval\\.error|household\\.duplicates|password\\.rule|nav)\\.[a-zA-Z0-9.\\-]*[a-zA-Z0-9])\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path file : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                for (Pattern pattern : List.of(call, keyLiteral)) {
                    Matcher m = pattern.matcher(code);
                    while (m.find()) {
                        if (!english.containsKey(m.group(1))) {
                            missing.add(file.getFileName() + ": " + m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyBuiltFromAnEnumExists() throws IOException {
        Properties english = load(FILES.get(0));
        List<String> needed = new ArrayList<>();
        Stream.of(Role.values()).forEach(r -> needed.add("role." + r.name()));
        Stream.of(Capability.values()).forEach(c -> needed.add("capability." + c.name()));
        Stream.of(Authority.values()).forEach(a -> needed.add("authority." + a.code()));
        Stream.of(ReturnStatus.values()).forEach(s -> needed.add("return-status." + s.name()));
        Stream.of(SettlementKind.values()).forEach(k -> needed.add("settlement.kind." + k.name()));
        Stream.of(NameTradition.values()).forEach(t -> needed.add("tradition." + t.name()));
        Languages.SUPPORTED.forEach(l -> needed.add("language." + l.getLanguage()));
        Stream.of(HouseholdStatus.values()).forEach(v -> needed.add("household.status." + v.name()));
        Stream.of(Sex.values()).forEach(v -> needed.add("sex." + v.name()));
        Stream.of(Relation.values()).forEach(v -> needed.add("relation." + v.name()));
        Stream.of(Vulnerability.values()).forEach(v -> needed.add("vulnerability." + v.name()));
        Stream.of(DocumentType.values()).forEach(v -> {
            needed.add("document." + v.name());
            needed.add("household.error.document-format." + v.name());
        });
        Stream.of(ApprovalStatus.values()).forEach(v -> needed.add("approval.status." + v.name()));
        Stream.of("DOCUMENT", "NAME").forEach(r -> needed.add("household.duplicates.reason." + r));
        needed.add("approval.kind.REGISTRATION");
        needed.add("approval.kind.HOUSEHOLD_CHANGE");
        Stream.of("", "abc", "Kapan-shelter", "aaaa1111", "12345abcde qwerty").flatMap(p ->
                org.fieldaid.security.PasswordPolicy.violations("someone", p).stream()).forEach(needed::add);
        for (String login : List.of("bad-credentials", "locked", "disabled")) {
            needed.add("login.error." + login + ".title");
            needed.add("login.error." + login + ".message");
        }
        assertThat(needed.stream().filter(k -> !english.containsKey(k)).toList()).isEmpty();
    }
}
