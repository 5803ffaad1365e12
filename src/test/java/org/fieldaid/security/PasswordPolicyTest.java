package org.fieldaid.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsALongPasswordWithLettersAndDigits() {
        assertThat(PasswordPolicy.violations("mchs.officer", "Goris-reception-42")).isEmpty();
    }

    @Test
    void refusesTheDemoPasswordEvenWhenItWouldOtherwisePass() {
        assertThat(PasswordPolicy.violations("someone", "fieldaid")).contains("password.rule.DEFAULT");
    }

    @Test
    void refusesShortPasswords() {
        assertThat(PasswordPolicy.violations("someone", "ab1")).contains("password.rule.TOO_SHORT");
    }

    @Test
    void refusesThePasswordThatContainsTheUserName() {
        assertThat(PasswordPolicy.violations("karen", "karen2020winter")).contains("password.rule.ILLEGAL_USERNAME");
    }

    @Test
    void refusesRunsAndRepeats() {
        assertThat(PasswordPolicy.violations("someone", "abcdefgh12")).contains("password.rule.ILLEGAL_ALPHABETICAL_SEQUENCE");
        assertThat(PasswordPolicy.violations("someone", "xx12345yyz")).contains("password.rule.ILLEGAL_NUMERICAL_SEQUENCE");
        assertThat(PasswordPolicy.violations("someone", "aaaab7w9kz")).contains("password.rule.ILLEGAL_REPEATED_CHARS");
    }

    @Test
    void refusesPasswordsWithoutADigitOrWithoutALetter() {
        assertThat(PasswordPolicy.violations("someone", "onlylettershere")).contains("password.rule.INSUFFICIENT_DIGIT");
        assertThat(PasswordPolicy.violations("someone", "9081726354")).contains("password.rule.INSUFFICIENT_ALPHABETICAL");
    }

    @Test
    void refusesAnEmptyPassword() {
        assertThat(PasswordPolicy.violations("someone", "")).containsExactly("password.rule.TOO_SHORT");
    }
}
