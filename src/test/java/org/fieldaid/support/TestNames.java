package org.fieldaid.support;

import java.lang.reflect.Field;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.fieldaid.household.NameKeys;

/**
 * Names made of random consonant-vowel syllables that no other name of the run folds to: each name's phonetic keys
 * ({@link NameKeys#keys}, what the duplicate check and the name search match on) are kept, and a name sharing a
 * key with one given out before, or with a name of the demo data, is drawn again. So no test finds another test's
 * family as a duplicate or in a search, whatever order the tests run in.
 */
public final class TestNames {

    private static final String CONSONANTS = "bdfklmnprstvz";
    private static final String VOWELS = "aeiou";
    private static final Set<String> TAKEN = new java.util.HashSet<>();

    static {
        for (String list : new String[] {"FAMILY", "MALE", "FEMALE"}) {
            for (String[] spellings : demoNames(list)) {
                for (String spelling : spellings) {
                    TAKEN.addAll(NameKeys.keys(spelling));
                }
            }
        }
    }

    private TestNames() {
    }

    /** @return a capitalised name of {@code syllables} random syllables, e.g. "Dunoravi", whose keys are its own */
    public static String syllables(int syllables) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            String name = draw(syllables);
            Set<String> keys = NameKeys.keys(name);
            synchronized (TAKEN) {
                if (!keys.isEmpty() && keys.stream().noneMatch(TAKEN::contains)) {
                    TAKEN.addAll(keys);
                    return name;
                }
            }
        }
        throw new IllegalStateException("no free name of " + syllables + " syllables is left");
    }

    /** Whether the key belongs to a name given out by this class or to the demo data. */
    static boolean taken(String key) {
        synchronized (TAKEN) {
            return TAKEN.contains(key);
        }
    }

    private static String draw(int syllables) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            name.append(CONSONANTS.charAt(ThreadLocalRandom.current().nextInt(CONSONANTS.length())))
                    .append(VOWELS.charAt(ThreadLocalRandom.current().nextInt(VOWELS.length())));
        }
        name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
        return name.toString();
    }

    /** The demo data's names, as [Latin, Cyrillic, Armenian]; read from the generator, which keeps them private. */
    private static String[][] demoNames(String list) {
        try {
            Field field = Class.forName("org.fieldaid.household.HouseholdGenerator").getDeclaredField(list);
            field.setAccessible(true);
            return (String[][]) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TestNames reserves the demo names of HouseholdGenerator." + list, e);
        }
    }
}
