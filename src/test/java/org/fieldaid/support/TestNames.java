package org.fieldaid.support;

import java.util.concurrent.ThreadLocalRandom;

/** Names made of random consonant-vowel syllables, which no demo or other test name folds to the same key. */
public final class TestNames {

    private TestNames() {
    }

    /** @return a capitalised name of {@code syllables} random syllables, e.g. "Dunoravi" */
    public static String syllables(int syllables) {
        String consonants = "bdfklmnprstvz";
        String vowels = "aeiou";
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            name.append(consonants.charAt(ThreadLocalRandom.current().nextInt(consonants.length())))
                    .append(vowels.charAt(ThreadLocalRandom.current().nextInt(vowels.length())));
        }
        name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
        return name.toString();
    }
}
