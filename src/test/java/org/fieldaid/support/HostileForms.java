package org.fieldaid.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.fieldaid.base.InvalidInputException;
import org.fieldaid.support.HostileInput.Expect;
import org.fieldaid.support.HostileInput.Text;

/**
 * Drives the hostile corpus through one field of a form, by the service, and holds each outcome against what the
 * corpus says: kept exactly (read back by SQL), or refused with the message key at that field and nothing written.
 * Whatever else happens (a database error, an exception of another kind) fails the test with the case's name.
 */
public final class HostileForms {

    public static final String TOO_LONG = "validation.too-long";
    public static final String INVISIBLE = "validation.invisible-characters";

    private HostileForms() {
    }

    /**
     * A free-text field of {@code max} characters.
     *
     * @param store does the form's operation with the value in this field, and answers what the database holds
     *              for it afterwards (by SQL); throws {@link InvalidInputException} when refused
     * @param rows counts what the operation writes (its rows and audit entries), to see that a refusal wrote none
     */
    public static void text(String form, String field, int max, boolean lines, Function<String, String> store,
                            LongSupplier rows) {
        for (Text t : cases(max)) {
            String expectedKey = expectedKey(t, max, lines);
            long before = rows.getAsLong();
            String stored;
            try {
                stored = store.apply(t.value());
            } catch (InvalidInputException refused) {
                assertThat(expectedKey).as("%s %s: %s was refused with %s", form, field, t, refused.problems())
                        .isNotNull();
                assertThat(refused.problems().get(field)).as("%s %s: %s refused at %s", form, field, t,
                        refused.problems()).isNotNull().contains(expectedKey);
                assertThat(rows.getAsLong()).as("%s %s: %s refused, nothing written", form, field, t)
                        .isEqualTo(before);
                HostileInput.counted(form);
                continue;
            } catch (RuntimeException unexpected) {
                throw new AssertionError(form + " " + field + ": " + t + " failed with " + unexpected, unexpected);
            }
            if (expectedKey != null) {
                fail("%s %s: %s was stored as %s instead of refused with %s", form, field, t, shorten(stored),
                        expectedKey);
            }
            assertThat(stored).as("%s %s: %s stored exactly", form, field, t).isEqualTo(t.value().strip());
            HostileInput.counted(form);
        }
    }

    /**
     * A field with a format of its own (a phone, a document number, a code): every hostile text is refused at the
     * field with some message, or kept as the format keeps it.
     *
     * @param kept what the field holds for a text it accepts, by the format's documented rule
     */
    public static void formatted(String form, String field, Function<String, String> store, LongSupplier rows,
                                 UnaryOperator<String> kept) {
        for (Text t : cases(1_000)) {
            long before = rows.getAsLong();
            String stored;
            try {
                stored = store.apply(t.value());
            } catch (InvalidInputException refused) {
                assertThat(refused.problems().get(field)).as("%s %s: %s refused at %s", form, field, t,
                        refused.problems()).isNotNull().isNotEmpty();
                assertThat(rows.getAsLong()).as("%s %s: %s refused, nothing written", form, field, t)
                        .isEqualTo(before);
                HostileInput.counted(form);
                continue;
            } catch (RuntimeException unexpected) {
                throw new AssertionError(form + " " + field + ": " + t + " failed with " + unexpected, unexpected);
            }
            assertThat(t.expect()).as("%s %s: %s holds invisible characters but was stored", form, field, t)
                    .isNotEqualTo(Expect.INVISIBLE);
            assertThat(stored).as("%s %s: %s stored as the format keeps it", form, field, t)
                    .isEqualTo(kept.apply(t.value()));
            HostileInput.counted(form);
        }
    }

    /** The corpus, the overlong texts, and the field's own edge: exactly {@code max} letters, and one more. */
    public static List<Text> cases(int max) {
        List<Text> all = new ArrayList<>(HostileInput.TEXTS);
        all.addAll(HostileInput.OVERLONG);
        all.add(new Text("edge-" + max, HostileInput.ofLength(max), Expect.KEEP));
        all.add(new Text("edge-" + (max + 1), HostileInput.ofLength(max + 1), Expect.KEEP));
        return all;
    }

    /** How many of the cases a free-text field of {@code max} characters must keep. */
    public static int kept(int max, boolean lines) {
        return (int) cases(max).stream().filter(t -> expectedKey(t, max, lines) == null).count();
    }

    /** The message a field of {@code max} characters must give for the text, or null when it must keep it. */
    public static String expectedKey(Text t, int max, boolean lines) {
        if (t.expect() == Expect.INVISIBLE || (t.expect() == Expect.LINES && !lines)) {
            return INVISIBLE;
        }
        return t.value().strip().length() > max ? TOO_LONG : null;
    }

    private static String shorten(String s) {
        return s == null || s.length() < 80 ? String.valueOf(s) : s.substring(0, 80) + "…";
    }
}
