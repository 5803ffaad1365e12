package org.fieldaid.security;

import java.util.List;
import java.util.Set;
import org.passay.CharacterRule;
import org.passay.EnglishCharacterData;
import org.passay.IllegalSequenceRule;
import org.passay.EnglishSequenceData;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RepeatCharactersRule;
import org.passay.RuleResult;
import org.passay.UsernameRule;
import org.passay.WhitespaceRule;

/**
 * The password rules, built on Passay. Length matters most (NIST SP 800-63B); we also ask for a letter
 * and a digit, refuse the user name inside the password, long runs like "abcdef" or "111111", and the
 * passwords the demo data ships with.
 */
public final class PasswordPolicy {

    /** Passwords that the demo data or a default installation uses; never accepted outside the demo. */
    public static final Set<String> KNOWN_DEFAULTS = Set.of("fieldaid", "admin", "password", "changeme", "123456");

    public static final int MIN_LENGTH = 10;

    private static final int BCRYPT_BYTES = 72;

    private static final PasswordValidator VALIDATOR = new PasswordValidator(List.of(
            new LengthRule(MIN_LENGTH, 128),
            new CharacterRule(EnglishCharacterData.Alphabetical, 1),
            new CharacterRule(EnglishCharacterData.Digit, 1),
            new WhitespaceRule(),
            new UsernameRule(true, true),
            new IllegalSequenceRule(EnglishSequenceData.Alphabetical, 5, false),
            new IllegalSequenceRule(EnglishSequenceData.Numerical, 5, false),
            new IllegalSequenceRule(EnglishSequenceData.USQwerty, 5, false),
            new RepeatCharactersRule(4)));

    private PasswordPolicy() {
    }

    /** @return translation keys of the rules the password breaks; empty when it is acceptable */
    public static List<String> violations(String username, String password) {
        if (password == null || password.isEmpty()) {
            return List.of("password.rule.TOO_SHORT");
        }
        RuleResult result = VALIDATOR.validate(new PasswordData(username, password));
        List<String> keys = result.getDetails().stream()
                .map(d -> "password.rule." + d.getErrorCode())
                .distinct()
                .toList();
        // BCrypt reads 72 bytes at most and refuses more: letters of Armenian or emoji take 2 to 4 bytes each
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > BCRYPT_BYTES
                && !keys.contains("password.rule.TOO_LONG")) {
            keys = java.util.stream.Stream.concat(keys.stream(), java.util.stream.Stream.of("password.rule.TOO_LONG"))
                    .toList();
        }
        if (org.fieldaid.base.TextInput.INVISIBLE.equals(org.fieldaid.base.TextInput.problem(password, 128))) {
            keys = java.util.stream.Stream.concat(keys.stream(), java.util.stream.Stream.of(
                    org.fieldaid.base.TextInput.INVISIBLE)).toList();
        }
        if (KNOWN_DEFAULTS.contains(password.toLowerCase())) {
            return java.util.stream.Stream.concat(keys.stream(), java.util.stream.Stream.of("password.rule.DEFAULT"))
                    .toList();
        }
        return keys;
    }
}
