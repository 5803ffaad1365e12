package org.fieldaid.household;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Keys for finding possible duplicates among displaced persons whose family names are written in Cyrillic,
 * Armenian or Latin script, and a similarity for ranking the candidates the keys find.
 *
 * <p>See DESIGN.md, "Duplicate matching": ICU does script to Latin; the small part here folds the region's
 * own correspondences (Armenian, Azerbaijani and Russian spellings of one name), because generic phonetic codes
 * (Beider-Morse, Double Metaphone) do not see them.
 */
public final class NameKeys {

    /** Keys are stored in an index column; a skeleton longer than this is cut. */
    public static final int MAX_KEY_LENGTH = 32;

    // Transliterator is not thread-safe and costly to build: one cached instance, used under its own lock.
    private static final Transliterator TO_LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    /**
     * Letters replaced before ICU, because ICU's Latin-ASCII step would fold them onto a letter that means something
     * else in the region's Latin spellings (š→s, č→c, ə is kept and then lost, я→a, Armenian ձ→j, ...). The
     * replacement is the spelling the same person's passport or Azerbaijani Latin document would most likely show.
     */
    private static final Map<Character, String> BEFORE_ICU = Map.ofEntries(
            // Azerbaijani Latin: ə is a plain "a" in Russian and English spellings (Məmmədov / Мамедов / Mammadov);
            // ş, ç, ğ must stay digraphs, or ç would become the Azerbaijani c (= j) and ş would become s.
            Map.entry('ə', "a"), Map.entry('ş', "sh"), Map.entry('ç', "ch"), Map.entry('ğ', "gh"),
            // Scholarly Latin (and ICU's own intermediate forms) with háček: same reason as ş and ç.
            Map.entry('š', "sh"), Map.entry('č', "ch"), Map.entry('ž', "zh"), Map.entry('ǰ', "j"),
            // Russian: the English-style spellings in passports write я, ю, ё with y and the hissing letters as
            // digraphs (Оганесян / Oganesyan, Джафаров / Jafarov, Халилов / Khalilov); ICU would write a, u, e, z, h, c.
            Map.entry('я', "ya"), Map.entry('ю', "yu"), Map.entry('ё', "yo"), Map.entry('й', "y"),
            Map.entry('ж', "zh"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ь', ""),
            // Azerbaijani Cyrillic (Soviet-era documents): ICU keeps ә, ҹ, ҝ as they are and reads ј as j, not y.
            Map.entry('ә', "a"), Map.entry('ҹ', "j"), Map.entry('ҝ', "g"), Map.entry('ј', "y"), Map.entry('ғ', "gh"),
            // Armenian: ICU writes ձ as j, ծ and ց as c, ճ and չ as c, ղ as g, ժ/շ/խ as z/s/x; the common
            // spellings (Hambardzumyan, Mkrtchyan, Ghazaryan, Khachatryan) use these digraphs.
            Map.entry('ժ', "zh"), Map.entry('խ', "kh"), Map.entry('ծ', "ts"), Map.entry('ձ', "dz"),
            Map.entry('ղ', "gh"), Map.entry('ճ', "ch"), Map.entry('չ', "ch"), Map.entry('ջ', "j"),
            Map.entry('շ', "sh"), Map.entry('ց', "ts"));

    private static final Pattern NOT_A_TO_Z = Pattern.compile("[^a-z]+");

    private static final Pattern DOUBLED = Pattern.compile("(.)\\1+");

    private static final Pattern WORD_SEPARATOR = Pattern.compile("[\\s\\-\u2010-\u2015,;/]+");

    private NameKeys() {}

    /**
     * The name in plain Latin letters a-z, lower case, without spaces or punctuation: the spelling the keys are
     * built from and the similarity compares. Оганесян → oganesyan, Հովհաննիսյան → hovhannisyan.
     */
    public static String fold(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String lower = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder pre = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean wordStart = i == 0 || !Character.isLetter(lower.charAt(i - 1));
            char next = i + 1 < lower.length() ? lower.charAt(i + 1) : 0;
            if (c == 'ո' && next == 'ւ') {
                // Armenian ու is one vowel, u; ICU writes it "ow" at the start of a word.
                pre.append('u');
                i++;
            } else if (c == 'ո' && wordStart) {
                // Armenian ո at the start of a word is said and spelled vo (Ոսկանյան / Восканян / Voskanyan).
                pre.append("vo");
            } else {
                String replacement = BEFORE_ICU.get(c);
                pre.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        String latin;
        synchronized (TO_LATIN) {
            latin = TO_LATIN.transliterate(pre.toString());
        }
        return NOT_A_TO_Z.matcher(latin).replaceAll("");
    }

    // --- keys -------------------------------------------------------------------------------------------------

    private static final String VOWELS = "aeiou";

    private record Rule(Pattern pattern, String replacement) {}

    private static Rule rule(String regex, String replacement) {
        return new Rule(Pattern.compile(regex), replacement);
    }

    /**
     * Endings that differ only by spelling convention or grammatical gender, brought to one form so that the
     * skeleton does not depend on them. Applied in order to the end of the folded name.
     */
    private static final List<Rule> ENDINGS = List.of(
        // Russian and Azerbaijani family names have a female form; a woman must meet her male relatives' records
        // (Mamedova / Mamedov, Aliyeva / Aliyev).
        rule("(ov|ev|in)a$", "$1"),
        // French and German renderings of the Russian -ов/-ев (Alieff, Iwanow).
        rule("(o|e)(ff|w)$", "$1v"),
        // German-style j for y before -ев (Alijew, Alijev).
        rule("jev$", "yev"),
        // The Armenian patronymic ending: -yan (English), -ian (Western Armenian, French), -jan (German,
        // Scandinavian), and the older -yants/-iants; all one suffix -յան / -ян.
        rule("(yants|iants|yanz|ianz|jants|ian|jan)$", "yan"),
        // Russian adjectival surnames: -skiy, -skii, -sky, -ski and the female -skaya are one ending.
        rule("(skiy|skii|skyi|sky|ski|skaya|skaia|skaja)$", "ski"),
        // Azerbaijani -lı/-li/-lu/-lü, written -ly in English-style and -лы in Russian.
        rule("(ly|lu|li)$", "li")
    );

    /**
     * h, gh and g between vowels: Armenian h there is left out in Russian (Sahakyan / Саакян), Azerbaijani h and
     * Armenian gh are г (Məhərrəmov / Магеррамов, Poghosyan / Погосян). Only dropping all three meets.
     */
    private static final Rule H_BETWEEN_VOWELS = rule("(?<=[aeiou])(gh|h|g)(?=[aeiou])", "");

    /**
     * Spelling steps on the folded name before it is cut into sounds. Order matters: the Armenian start is read
     * before the initial h/g variants are made.
     */
    private static final List<Rule> SPELLING = List.of(
        // Russian е at the start is written "e" or "ye" (Еремян / Eremyan / Yeremyan).
        rule("^ye(?=[^aeiou]|$)", "e"),
        // Armenian Hovh-/Ovh-/Ohan- (Հովհաննիսյան, Օհանյան) is Ован-/Оган- in Russian: the h between vowels
        // is written г or left out, and the v may be dropped (Hovhannisyan / Oganesyan / Ovanesyan).
        rule("^h?o(vh|v|h|g)(?=[aeiou])", "ov"),
        H_BETWEEN_VOWELS,
        // A y written between vowels is only a spelling of the glide in е, я, ю after a vowel; Russian renders
        // it as a plain vowel (Aliyev / Алиев / Aliev, Isayev / Исаев, Ismayilov / Исмаилов).
        rule("(?<=[aeiou])y(?=[aeiou])", ""),
        // After a consonant, y before a vowel only marks softness: Russian я, ю for Azerbaijani ə, ü
        // (Шукюров / Şükürov) and the -yan / -ян of Armenian names, which every spelling has anyway.
        rule("(?<=[^aeiou])y(?=[aeiou])", ""),
        // y next to no vowel is itself a vowel: Russian ы and Azerbaijani ı (Гасымов / Qasımov, Abbasly).
        rule("(?<=[^aeiou])y(?=[^aeiou]|$)", "i"),
        // The glide after a vowel before a consonant is written i or y (Гусейнов / Huseinov / Huseynov).
        rule("(?<=[aeiou])i(?=[^aeiou]|$)", "y")
    );

    /**
     * {@link #SPELLING} with h, gh and g between vowels kept, for given names: an Azerbaijani h there is written х in
     * Russian (Tahir / Тахир), which folds to kh, one sound with h, and Azerbaijani q and Russian г keep their
     * consonant (Vüqar / Вугар). Leaving out only the Latin letter would part them.
     */
    private static final List<Rule> SPELLING_KEEPING_H = SPELLING.stream().filter(r -> r != H_BETWEEN_VOWELS).toList();

    /**
     * Letters and digraphs mapped to one symbol per sound class; longest first. Symbols c, w, x and q cannot
     * otherwise appear in a key (their plain letters are mapped away), so the digraph classes stay apart.
     */
    private static final String[][] SOUNDS = {
        // Russian щ.
        {"shch", "wc"},
        // c, j and dzh are one sound, /dʒ/: Azerbaijani c, English j, Russian дж (Cəfərov / Jafarov / Джафаров).
        {"dzh", "j"}, {"dj", "j"},
        // Armenian ձ (dz) is ц in Russian, after Western Armenian (Hambardzumyan / Амбарцумян): the ts class.
        {"dz", "q"}, {"ts", "q"}, {"tz", "q"},
        // x and kh are one sound (Xəlilov / Khalilov / Халилов); h joins them because Russian writes
        // Azerbaijani and Armenian h in the middle of a name as х (Mahmudov / Махмудов).
        {"kh", "h"}, {"x", "h"},
        // ğ, Armenian ղ (gh) and q are written г or к in Russian (Quliyev / Гулиев, Poghosyan / Погосян);
        // g and k are one class because Russian follows Western Armenian voicing (Sargsyan / Саркисян).
        {"gh", "k"}, {"q", "k"}, {"g", "k"},
        // b/p and d/t: the same Western Armenian devoicing that Russian spellings took over (Hakobyan / Акопян).
        {"b", "p"}, {"d", "t"},
        // sh, ch, zh are single sounds in all three languages (ш/ş/շ, ч/ç/չ ճ, ж/ժ): one symbol each, so that
        // they are not confused with s, the Azerbaijani c or z.
        {"sh", "w"}, {"ch", "c"}, {"zh", "x"},
        // Azerbaijani c, read only after "ch": see dzh above.
        {"c", "j"},
        // German-style w for v (Iwanow) and Greek-style ph are spelling only.
        {"w", "v"}, {"ph", "f"},
    };

    /**
     * A small set (one or two, at most {@value #MAX_KEY_LENGTH} characters each) of phonetic keys for a family name: a consonant skeleton over sound classes. Two
     * names are duplicate candidates when their key sets intersect.
     */
    public static Set<String> keys(String familyName) {
        String name = spelling(fold(familyName));
        Set<String> keys = new LinkedHashSet<>();
        if (name.isEmpty()) {
            return keys;
        }
        String sounds = toSounds(name);
        // Initial h and g are ambiguous between the three languages, so they give two keys:
        // Armenian h is left out in Russian (Hakobyan / Акопян), Azerbaijani h is г in Russian
        // (Hasanov / Гасанов), and a Russian г is either that h or a real g/k/q (Гулиев / Quliyev, Григорян).
        if (name.startsWith("h")) {
            keys.add(skeleton(sounds));
            keys.add(skeleton(sounds.substring(1)));
        } else if (name.startsWith("g") && !name.startsWith("gh")) {
            keys.add(skeleton(sounds));
            keys.add(skeleton("h" + sounds.substring(1)));
        } else {
            keys.add(skeleton(sounds));
        }
        keys.remove("");
        return keys;
    }

    /** The folded name with the endings and the spelling correspondences brought to one form. */
    private static String spelling(String folded) {
        String name = folded;
        for (Rule rule : ENDINGS) {
            name = rule.pattern().matcher(name).replaceFirst(rule.replacement());
        }
        for (Rule rule : SPELLING) {
            name = rule.pattern().matcher(name).replaceAll(rule.replacement());
        }
        return name;
    }

    private static String toSounds(String name) {
        StringBuilder out = new StringBuilder(name.length());
        int i = 0;
        outer:
        while (i < name.length()) {
            for (String[] sound : SOUNDS) {
                if (name.startsWith(sound[0], i)) {
                    out.append(sound[1]);
                    i += sound[0].length();
                    continue outer;
                }
            }
            out.append(name.charAt(i++));
        }
        return out.toString();
    }

    /**
     * Consonant skeleton: the first sound as it is, then consonants only, doubled ones once. Vowels are where the
     * three spellings differ most (Sargsyan / Саркисян, Məmmədov / Мамедов) and carry least of the name.
     */
    private static String skeleton(String sounds) {
        StringBuilder out = new StringBuilder(Math.min(sounds.length(), MAX_KEY_LENGTH));
        char last = 0;
        for (int i = 0; i < sounds.length() && out.length() < MAX_KEY_LENGTH; i++) {
            char c = sounds.charAt(i);
            if (c == last) {
                continue;
            }
            last = c;
            if (out.isEmpty() || VOWELS.indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    // --- ranking ----------------------------------------------------------------------------------------------

    /**
     * Jaro-Winkler similarity, 0..1, of two full names: ranks the candidates the keys found. Each word is folded
     * and its spelling correspondences brought to one form first (vowels kept), because on the plain folded
     * spellings two spellings of one name are often further apart (Hovhannisyan / Оганесян, 0.69) than two
     * different names (Mammadov / Mahmudov, 0.87). Where the keys read a word two ways (initial h or g), the closer
     * reading counts.
     */
    public static double similarity(String a, String b) {
        double best = 0;
        for (String left : readings(a)) {
            for (String right : readings(b)) {
                best = Math.max(best, JARO_WINKLER.apply(left, right));
            }
        }
        return best;
    }

    /** The full name as comparable sounds, once as spelled and once with the first word's initial h/g read the other way. */
    private static List<String> readings(String fullName) {
        List<String> words = new ArrayList<>();
        for (String word : WORD_SEPARATOR.split(fullName == null ? "" : fullName.strip())) {
            String name = spelling(fold(word));
            if (!name.isEmpty()) {
                words.add(name);
            }
        }
        if (words.isEmpty()) {
            return List.of("");
        }
        List<String> readings = new ArrayList<>(2);
        readings.add(comparable(words));
        String first = words.getFirst();
        String other = first.startsWith("h") ? first.substring(1)
                : first.startsWith("g") && !first.startsWith("gh") ? "h" + first.substring(1) : null;
        if (other != null) {
            words.set(0, other);
            readings.add(comparable(words));
        }
        return readings;
    }

    // --- given names -------------------------------------------------------------------------------------------

    /**
     * The search keys of a given name, one set per word of it: its sounds with the vowels kept, in each way the
     * three spellings may read it. Vowels stay because given names are short and differ by them (Armen and
     * Armine, Narek and Narine); the family name's consonant skeleton would make them one. The search box reads
     * each typed word's keys as prefixes of these, so "Arm" finds Armen.
     */
    public static Set<String> givenKeys(String givenName) {
        Set<String> keys = new LinkedHashSet<>();
        for (String word : WORD_SEPARATOR.split(givenName == null ? "" : givenName.strip())) {
            for (String reading : givenReadings(fold(word))) {
                if (!reading.isEmpty()) {
                    keys.add(reading.length() > MAX_KEY_LENGTH ? reading.substring(0, MAX_KEY_LENGTH) : reading);
                }
            }
        }
        return keys;
    }

    /**
     * Jaro-Winkler similarity, 0..1, of two given names compared through the same spelling and sound fold as
     * {@link #givenKeys}: the best of their readings. So Şahin and Шахин, Tahir and Тахир meet (Azerbaijani h is
     * х in Russian, folded kh, and both are one sound), where the plain folded spellings did not (tair / takhir).
     */
    public static double givenSimilarity(String a, String b) {
        double best = 0;
        for (String left : givenReadings(fold(a))) {
            for (String right : givenReadings(fold(b))) {
                best = Math.max(best, JARO_WINKLER.apply(left, right));
            }
        }
        return best;
    }

    /**
     * A folded given name as comparable sounds, each way the scripts may have written it: an h between vowels left
     * out (Armenian Vahe / Ваэ, Gohar / Гоар) or kept (Azerbaijani Tahir / Тахир); an initial h left out (Hayk /
     * Айк) or, for an initial g, read as h (Hüseyn / Гусейн). Family-name endings are not folded here: -ina is not
     * a female form of a given name (Marina, Narine).
     */
    private static List<String> givenReadings(String folded) {
        if (folded.isEmpty()) {
            return List.of("");
        }
        Set<String> spelled = new LinkedHashSet<>();
        spelled.add(givenSpelling(folded, SPELLING));
        spelled.add(givenSpelling(folded, SPELLING_KEEPING_H));
        Set<String> readings = new LinkedHashSet<>();
        for (String name : spelled) {
            readings.add(comparable(List.of(name)));
            if (name.startsWith("h") && name.length() > 1) {
                readings.add(comparable(List.of(name.substring(1))));
            } else if (name.startsWith("g") && !name.startsWith("gh")) {
                readings.add(comparable(List.of("h" + name.substring(1))));
            }
        }
        return List.copyOf(readings);
    }

    private static String givenSpelling(String folded, List<Rule> rules) {
        String name = folded;
        for (Rule rule : rules) {
            name = rule.pattern().matcher(name).replaceAll(rule.replacement());
        }
        return name;
    }

    private static String comparable(List<String> words) {
        StringJoiner out = new StringJoiner(" ");
        for (String word : words) {
            // Azerbaijani ə is е in Russian and a in English (Çələbi / Челеби / Chalabi, Məmmədov / Мамедов);
            // doubled letters are spelling only (Mammadov / Мамедов).
            out.add(DOUBLED.matcher(toSounds(word).replace('e', 'a')).replaceAll("$1"));
        }
        return out.toString();
    }
}
