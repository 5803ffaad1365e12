package org.fieldaid.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Spellings of one family name in Cyrillic, Armenian and Latin script meet; different names do not. */
class NameKeysTest {

    /** Pairs whose key sets must intersect: every pair within each group of spellings of one name (the brief's list). */
    static final String SAME_NAME = """
            Оганесян, Oganesyan
            Оганесян, Hovhannisyan
            Оганесян, Հովհաննիսյան
            Оганесян, Ovanesyan
            Oganesyan, Hovhannisyan
            Oganesyan, Հովհաննիսյան
            Oganesyan, Ovanesyan
            Hovhannisyan, Հովհաննիսյան
            Hovhannisyan, Ovanesyan
            Հովհաննիսյան, Ovanesyan
            Sargsyan, Саркисян
            Sargsyan, Sarkisyan
            Sargsyan, Սարգսյան
            Саркисян, Sarkisyan
            Саркисян, Սարգսյան
            Sarkisyan, Սարգսյան
            Məmmədov, Мамедов
            Məmmədov, Mammadov
            Məmmədov, Mamedova
            Мамедов, Mammadov
            Мамедов, Mamedova
            Mammadov, Mamedova
            Hasanov, Гасанов
            Hasanov, Həsənov
            Гасанов, Həsənov
            Hakobyan, Акопян
            Hakobyan, Akopyan
            Hakobyan, Հակոբյան
            Акопян, Akopyan
            Акопян, Հակոբյան
            Akopyan, Հակոբյան
            Cəfərov, Джафаров
            Cəfərov, Jafarov
            Джафаров, Jafarov
            Əliyev, Алиев
            Əliyev, Aliyev
            Əliyev, Aliev
            Алиев, Aliyev
            Алиев, Aliev
            Aliyev, Aliev
            Quliyev, Гулиев
            Quliyev, Guliyev
            Гулиев, Guliyev
            Petrosyan, Петросян
            Petrosyan, Պետրոսյան
            Петросян, Պետրոսյան
            Grigoryan, Григорян
            Grigoryan, Գրիգորյան
            Григорян, Գրիգորյան
            Harutyunyan, Арутюнян
            Harutyunyan, Arutyunyan
            Harutyunyan, Հարությունյան
            Арутюнян, Arutyunyan
            Арутюнян, Հարությունյան
            Arutyunyan, Հարությունյան
            Abbasli, Abbasly
            Xəlilov, Khalilov
            Xəlilov, Халилов
            Khalilov, Халилов
            Мкртчян, Mkrtchyan
            Мкртчян, Մկրտչյան
            Mkrtchyan, Մկրտչյան
            """;

    /** More spellings of one name that must meet: one or two pairs for each rule beyond the list above. */
    static final String SAME_NAME_MORE = """
            Ohanyan, Оганян
            Hovsepyan, Овсепян
            Hambardzumyan, Амбарцумян
            Համբարձումյան, Hambardzumyan
            Ghazaryan, Казарян
            Ղազարյան, Газарян
            Poghosyan, Погосян
            Voskanyan, Ոսկանյան
            Восканян, Ոսկանյան
            Yeremyan, Еремян
            Sahakyan, Саакян
            Khachatryan, Խաչատրյան
            Хачатрян, Khachatryan
            Hovhannisian, Hovhannisjan
            Huseynov, Гусейнов
            Huseinov, Hüseynov
            Ismayilov, Исмаилов
            İsmayılov, Ismailova
            Heydərov, Гейдаров
            Şükürov, Шукюров
            Qasımov, Гасымов
            Məhərrəmov, Магеррамов
            Hacıyev, Гаджиев
            Əhmədov, Ахмедов
            Mehdiyev, Мехтиев
            Aliyeva, Алиева
            Әлиев, Aliyev
            Ҹәфәров, Cəfərov
            Çələbi, Челеби
            Ağayev, Агаев
            Kovalevskaya, Ковалевский
            """;

    /** Pairs of different names whose key sets must not intersect (the brief's list). */
    static final String DIFFERENT_NAMES = """
            Mammadov, Mahmudov
            Petrosyan, Grigoryan
            Sargsyan, Hakobyan
            Aliyev, Quliyev
            Hasanov, Huseynov
            Avetisyan, Harutyunyan
            Ivanov, Isayev
            """;

    /** More different names that must stay apart, chosen close to a rule: each rule must not merge too much. */
    static final String DIFFERENT_NAMES_MORE = """
            Məmmədov, Məhərrəmov
            Petrosyan, Poghosyan
            Sargsyan, Sahakyan
            Jafarov, Javadov
            Khalilov, Jalilov
            Mkrtchyan, Mkrtumyan
            Hakobyan, Harutyunyan
            Ohanyan, Oganesyan
            Aliyev, Ağayev
            Mammadov, Mehdiyev
            Əhmədov, Mahmudov
            Hasanov, Qasımov
            """;

    /**
     * Spellings of one given name that the duplicate check and the search must both see as one (issue 8): an
     * Azerbaijani h is х in Russian (Şahin / Шахин, Tahir / Тахир), an Armenian one may be left out (Vahe / Ваэ).
     */
    static final String SAME_GIVEN_NAME = """
            Şahin, Шахин
            Tahir, Тахир
            Şahin, Shakhin
            Tahir, Takhir
            Mehriban, Мехрибан
            Zahra, Захра
            Vüqar, Вугар
            Hüseyn, Гусейн
            Rəşad, Рашад
            Xədicə, Хадиджа
            Hayk, Айк
            Hayk, Հայկ
            Hasmik, Асмик
            Armen, Արմեն
            Lilit, Լիլիթ
            Davit, Давид
            Anahit, Анаит
            Gohar, Гоар
            Vahe, Ваэ
            Hovhannes, Ованес
            """;

    /** Given names of different people that the search keys keep apart, though they share letters. */
    static final String DIFFERENT_GIVEN_NAMES = """
            Narek, Narine
            Armen, Armine
            Karen, Karine
            Armen, Aram
            Anna, Ani
            """;

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(textBlock = SAME_GIVEN_NAME)
    void spellingsOfOneGivenNameAreAlikeAndShareASearchKey(String a, String b) {
        assertThat(NameKeys.givenSimilarity(a, b)).as("%s / %s", a, b)
                .isGreaterThanOrEqualTo(DuplicateFinder.GIVEN_NAME_SIMILARITY);
        assertThat(NameKeys.givenKeys(a)).as("givenKeys(%s) against givenKeys(%s) = %s", a, b, NameKeys.givenKeys(b))
                .containsAnyElementsOf(NameKeys.givenKeys(b));
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(textBlock = DIFFERENT_GIVEN_NAMES)
    void differentGivenNamesDoNotShareASearchKey(String a, String b) {
        assertThat(NameKeys.givenKeys(a)).as("givenKeys(%s) against givenKeys(%s) = %s", a, b, NameKeys.givenKeys(b))
                .doesNotContainAnyElementsOf(NameKeys.givenKeys(b));
    }

    /**
     * Whether the duplicate check may take two persons of one family name and birth date for one: by given name and
     * sex. Alike names of a brother and a sister (Narek, Narine) are two people; a sex not yet known keeps the pair.
     */
    @ParameterizedTest(name = "{0} {1} / {2} {3}: {4}")
    @CsvSource(textBlock = """
            Şahin,  MALE,   Шахин,   MALE,   true
            Tahir,  MALE,   Тахир,   MALE,   true
            Tahir,  MALE,   Тахир,       ,   true
            Lilit,  FEMALE, Լիլիթ,   FEMALE, true
            Narek,  MALE,   Narine,  FEMALE, false
            Karen,  MALE,   Karine,  FEMALE, false
            Armen,  MALE,   Armine,  FEMALE, false
            Narek,  MALE,   Narine,        , true
            Narek,  MALE,   Tigran,  MALE,   false
            """)
    void givenNameAndSexDecideWhetherTwoPersonsMayBeOne(String given, Sex sex, String other, Sex otherSex,
                                                        boolean same) {
        assertThat(DuplicateFinder.mayBeSamePerson(given, sex, other, otherSex)).isEqualTo(same);
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(textBlock = SAME_NAME + SAME_NAME_MORE)
    void spellingsOfOneNameMeet(String a, String b) {
        assertThat(NameKeys.keys(a)).as("keys(%s) against keys(%s) = %s", a, b, NameKeys.keys(b))
                .containsAnyElementsOf(NameKeys.keys(b));
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(textBlock = DIFFERENT_NAMES + DIFFERENT_NAMES_MORE)
    void differentNamesDoNotMeet(String a, String b) {
        assertThat(NameKeys.keys(a)).as("keys(%s) against keys(%s) = %s", a, b, NameKeys.keys(b))
                .doesNotContainAnyElementsOf(NameKeys.keys(b));
    }

    @ParameterizedTest
    @MethodSource("allNames")
    void keysAreFewAndShort(String name) {
        assertThat(NameKeys.keys(name)).hasSizeBetween(1, 3)
                .allSatisfy(key -> assertThat(key).hasSizeLessThanOrEqualTo(NameKeys.MAX_KEY_LENGTH).matches("[a-z]+"));
    }

    @ParameterizedTest
    @MethodSource("allNames")
    void foldKeepsOnlyLatinLetters(String name) {
        assertThat(NameKeys.fold(name)).isNotEmpty().matches("[a-z]+");
    }

    @Test
    void aVeryLongNameStillGivesShortKeys() {
        String name = "Ter-Hovhannisyan-Mkrtchyan-Khachatryan-Hambardzumyan-Ter-Petrosyan";
        assertThat(NameKeys.keys(name)).isNotEmpty()
                .allSatisfy(key -> assertThat(key).hasSizeLessThanOrEqualTo(NameKeys.MAX_KEY_LENGTH));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            Оганесян, oganesyan
            Հովհաննիսյան, hovhannisyan
            Məmmədov, mammadov
            Джафаров, dzhafarov
            Халилов, khalilov
            Մկրտչյան, mkrtchyan
            Ոսկանյան, voskanyan
            İsmayılov, ismayilov
            Şükürov, shukurov
            Ter-Petrosyan, terpetrosyan
            'Harut''yunyan', harutyunyan
            ' O''Brien 2nd ', obriennd
            """)
    void foldSpellsInPlainLatin(String name, String folded) {
        assertThat(NameKeys.fold(name)).isEqualTo(folded);
    }

    @Test
    void nothingToFold() {
        assertThat(NameKeys.fold(null)).isEmpty();
        assertThat(NameKeys.fold(" - ")).isEmpty();
        assertThat(NameKeys.keys("")).isEmpty();
        assertThat(NameKeys.keys("123")).isEmpty();
    }

    @Test
    void similarityThresholds() {
        assertThat(NameKeys.similarity("Hovhannisyan", "Оганесян")).isGreaterThan(0.9);
        assertThat(NameKeys.similarity("Petrosyan", "Grigoryan")).isLessThan(0.7);
        assertThat(NameKeys.similarity("Hovhannisyan Armen", "Оганесян Армен")).isGreaterThan(0.9);
        assertThat(NameKeys.similarity("Petrosyan Armen", "Grigoryan Armen")).isLessThan(0.75);
    }

    /**
     * Over the brief's two lists, every spelling pair of one name ranks above every pair of different names. (Not
     * over the "more" lists: near names such as Ohanyan / Oganesyan score 0.95 there; the keys keep those apart.)
     */
    @Test
    void similarityRanksSpellingsOfOneNameAboveDifferentNames() {
        double worstSame = pairs(SAME_NAME).mapToDouble(p -> NameKeys.similarity(p.get(0), p.get(1))).min().orElseThrow();
        double bestDifferent =
                pairs(DIFFERENT_NAMES).mapToDouble(p -> NameKeys.similarity(p.get(0), p.get(1))).max().orElseThrow();
        assertThat(worstSame).isGreaterThan(bestDifferent);
    }

    /** For one person, another spelling of the name ranks above a different name that shares letters with it. */
    @ParameterizedTest(name = "{0}: {1} before {2}")
    @CsvSource(textBlock = """
            Mammadov, Мамедов, Mahmudov
            Məmmədov, Mamedova, Məhərrəmov
            Petrosyan, Петросян, Grigoryan
            Petrosyan, Պետրոսյան, Poghosyan
            Sargsyan, Саркисян, Hakobyan
            Sargsyan, Саркисян, Sahakyan
            Aliyev, Алиев, Quliyev
            Hasanov, Гасанов, Huseynov
            Hakobyan, Акопян, Harutyunyan
            Harutyunyan, Арутюнян, Avetisyan
            Isayev, Исаев, Ivanov
            Jafarov, Джафаров, Javadov
            Khalilov, Xəlilov, Jalilov
            Mkrtchyan, Մկրտչյան, Mkrtumyan
            Hovhannisyan, Оганесян, Petrosyan
            """)
    void anotherSpellingRanksAboveADifferentName(String name, String sameName, String differentName) {
        assertThat(NameKeys.similarity(name, sameName)).isGreaterThan(NameKeys.similarity(name, differentName));
    }

    @Test
    void similarityIsOneForTheSameNameInAnotherScript() {
        assertThat(NameKeys.similarity("Petrosyan", "Петросян")).isEqualTo(1.0);
        assertThat(NameKeys.similarity("Cəfərov", "Джафаров")).isEqualTo(1.0);
        assertThat(NameKeys.similarity(null, "")).isEqualTo(1.0);
    }

    static Stream<List<String>> pairs(String table) {
        return table.lines().filter(line -> !line.isBlank())
                .map(line -> Stream.of(line.split(",")).map(String::strip).toList());
    }

    static Stream<String> allNames() {
        return Stream.of(SAME_NAME, SAME_NAME_MORE, DIFFERENT_NAMES, DIFFERENT_NAMES_MORE)
                .flatMap(NameKeysTest::pairs)
                .flatMap(List::stream)
                .distinct();
    }
}
