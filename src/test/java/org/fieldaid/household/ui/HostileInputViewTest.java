package org.fieldaid.household.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fieldaid.approval.ApprovalStatus;
import org.fieldaid.approval.ApprovalView;
import org.fieldaid.approval.Approvals;
import org.fieldaid.household.HouseholdRegistry;
import org.fieldaid.household.HouseholdRow;
import org.fieldaid.settlement.Settlements;
import org.fieldaid.support.AsDemoUser;
import org.fieldaid.support.BrowserlessViewTest;
import org.fieldaid.support.HostileForms;
import org.fieldaid.support.HostileInput;
import org.fieldaid.support.HostileInput.Text;
import org.fieldaid.support.SignIn;
import org.fieldaid.support.TestFamilies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hostile corpus (issue 14, item 5) through the views, without a browser: typed into the registration form, the
 * household list's search and a supervisor's reason. A refused text is marked at its field in the person's
 * language and writes nothing; a kept one is stored exactly and shown as text, never as markup.
 */
class HostileInputViewTest extends BrowserlessViewTest {

    /** Elements that a payload would make if it were put into the page as markup. */
    private static final Set<String> MARKUP = Set.of("script", "img", "iframe", "object", "embed");

    @Autowired HouseholdRegistry registry;
    @Autowired Approvals approvals;
    @Autowired Settlements settlements;
    @Autowired SignIn signIn;
    @Autowired JdbcTemplate jdbc;

    @AfterAll
    static void report() {
        System.out.println(HostileInput.report("views so far"));
    }

    private long households() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM household", Long.class);
    }

    @Test
    @AsDemoUser("mchs.officer")
    void theRegistrationFormMarksARefusedNameAtItsFieldOrShowsTheKeptOneAsText() {
        List<Text> cases = new ArrayList<>(HostileInput.TEXTS);
        cases.addAll(HostileInput.OVERLONG);
        for (Text t : cases) {
            HouseholdFormView form = navigate(HouseholdFormView.class);
            TextField family = $(TextField.class).withCaption(form.getTranslation("member.family-name")).single();
            test(family).setValue(t.value());
            test($(TextField.class).withCaption(form.getTranslation("member.given-name")).single()).setValue("Hasmik");
            long before = households();
            test($(Button.class).withText(form.getTranslation("household.save-draft")).single()).click();
            String key = HostileForms.expectedKey(t, 100, false);
            if (key != null) {
                assertThat(getCurrentView()).as(t.name()).isInstanceOf(HouseholdFormView.class);
                assertThat(family.isInvalid()).as(t.name() + " marked at the field").isTrue();
                assertThat(family.getErrorMessage()).as(t.name()).isEqualTo(form.getTranslation(key));
                assertThat(households()).as(t.name() + ": nothing written").isEqualTo(before);
            } else {
                assertThat(getCurrentView()).as(t.name() + " saved").isInstanceOf(HouseholdView.class);
                String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
                long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
                String stored = jdbc.queryForObject("SELECT family_name FROM person WHERE household_id = ?",
                        String.class, id);
                assertThat(stored).as(t.name() + " stored exactly").isEqualTo(t.value().strip());
                assertShownAsText(t, stored);
            }
            HostileInput.counted("registration (view)");
        }
    }

    @Test
    @AsDemoUser("mchs.officer")
    void aRefusedNameIsExplainedInEachLanguage() {
        String english = null;
        for (String language : List.of("en", "ru", "hy", "az")) {
            UI.getCurrent().setLocale(Locale.forLanguageTag(language));
            HouseholdFormView form = navigate(HouseholdFormView.class);
            TextField family = $(TextField.class).withCaption(form.getTranslation("member.family-name")).single();
            test(family).setValue("Ab\u0000cd");
            test($(TextField.class).withCaption(form.getTranslation("member.given-name")).single()).setValue("Hasmik");
            test($(Button.class).withText(form.getTranslation("household.save-draft")).single()).click();
            assertThat(family.isInvalid()).as(language).isTrue();
            assertThat(family.getErrorMessage()).as(language)
                    .isEqualTo(form.getTranslation(HostileForms.INVISIBLE)).isNotBlank();
            if (english == null) {
                english = family.getErrorMessage();
            } else {
                assertThat(family.getErrorMessage()).as(language + " is not the English text").isNotEqualTo(english);
            }
            HostileInput.counted("registration (view)");
        }
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @Test
    @AsDemoUser("mchs.officer")
    void theHouseholdListsSearchAnswersEveryHostileTextWithoutAnError() {
        for (Text t : HostileForms.cases(100)) {
            navigate(HouseholdListView.class);
            TextField search = $(TextField.class).first();
            test(search).setValue(t.value());
            @SuppressWarnings("unchecked")
            Grid<HouseholdRow> grid = $(Grid.class).first();
            int rows = test(grid).size();
            assertThat(rows).as(t.name()).isNotNegative();
            for (int i = 0; i < Math.min(rows, 3); i++) {
                assertThat(test(grid).getRow(i)).as(t.name()).isNotNull();
            }
            assertNoMarkup(t);
            HostileInput.counted("household list filters (view)");
        }
    }

    @Test
    @AsDemoUser("mchs.officer")
    void aSupervisorsReasonIsMarkedAtItsFieldOrKeptAndShownAsText() {
        TestFamilies families = new TestFamilies(registry, approvals, settlements, signIn);
        List<Text> cases = List.of(HostileInput.TEXTS.getFirst(), byName("rlo"), byName("html-script"),
                byName("html-img"), byName("formula-equals"), byName("mixed-scripts"), byName("line-feed"),
                HostileInput.OVERLONG.getFirst());
        for (Text t : cases) {
            long id = families.submitted("mchs.officer", families.form(1, families.receptionPoint())).id();
            signIn.asInBrowserlessView("mchs.supervisor");
            navigate("approvals", com.vaadin.flow.component.orderedlayout.VerticalLayout.class);
            Dialog dialog = openRequestFor(id);
            Button reject = $(Button.class).from(dialog).withText(dialog.getTranslation("approval.reject")).single();
            test(reject).click();
            TextArea reason = $(TextArea.class).from(dialog).single();
            test(reason).setValue(t.value());
            test(reject).click();
            String key = HostileForms.expectedKey(t, 500, true);
            ApprovalView request = signIn.run("mchs.supervisor",
                    () -> approvals.requestsFor(HouseholdRegistry.APPROVAL_KIND, id)).getFirst();
            if (key != null) {
                assertThat(reason.isInvalid()).as(t.name()).isTrue();
                assertThat(reason.getErrorMessage()).as(t.name()).isEqualTo(dialog.getTranslation(key));
                assertThat(request.status()).as(t.name()).isEqualTo(ApprovalStatus.PENDING);
                dialog.close();
            } else {
                assertThat(request.status()).as(t.name()).isEqualTo(ApprovalStatus.REJECTED);
                assertThat(request.decisionReason()).as(t.name()).isEqualTo(t.value().strip());
                signIn.asInBrowserlessView("mchs.officer");
                navigate("households/" + id, HouseholdView.class);
                // the record's card is a tab's content: found through the component query, as text
                assertThat($(com.vaadin.flow.component.html.Span.class).withText(t.value().strip()).exists())
                        .as(t.name() + " shown as the reason").isTrue();
                assertNoMarkup(t);
            }
            signIn.asInBrowserlessView("mchs.officer");
            HostileInput.counted("approval decision (view)");
        }
    }

    private static Text byName(String name) {
        return HostileInput.TEXTS.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private Dialog openRequestFor(long householdId) {
        @SuppressWarnings("unchecked")
        Grid<ApprovalView> grid = $(Grid.class).single();
        int size = test(grid).size();
        for (int i = 0; i < size; i++) {
            if (test(grid).getRow(i).subjectId() == householdId) {
                test(grid).clickRow(i);
                return $(Dialog.class).single();
            }
        }
        throw new AssertionError("No pending request for household " + householdId);
    }

    /** The page holds the text as text (escaped by construction), and no element a payload would make. */
    private void assertShownAsText(Text t, String stored) {
        StringBuilder shown = new StringBuilder();
        for (Element e : page()) {
            if (e.isTextNode()) {
                shown.append(e.getText()).append(' ');
            }
        }
        assertThat(shown.toString()).as(t.name() + " shown").contains(stored.length() > 60 ? stored.substring(0, 60)
                : stored);
        assertNoMarkup(t);
    }

    private void assertNoMarkup(Text t) {
        List<Element> all = page();
        assertThat(all).as("the page has elements").hasSizeGreaterThan(10);
        for (Element e : all) {
            if (e.isTextNode()) {
                continue;
            }
            assertThat(MARKUP).as(t.name() + ": <" + e.getTag() + "> in the page").doesNotContain(e.getTag());
            assertThat(e.getAttributeNames().filter(a -> a.startsWith("on")).toList()).as(t.name() + ": handler on <"
                    + e.getTag() + ">").isEmpty();
            assertThat(e.getProperty("innerHTML")).as(t.name() + ": innerHTML of <" + e.getTag() + ">").isNull();
        }
    }

    /**
     * Every element of the page shown: the components from the outermost layout down (tab contents and dialogs
     * included, as the component tree holds them) and the elements and text nodes inside each.
     */
    private static List<Element> page() {
        List<com.vaadin.flow.component.HasElement> chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        Set<Element> seen = new java.util.HashSet<>();
        List<Element> all = new ArrayList<>();
        collect(chain.getLast().getElement().getComponent().orElseThrow(), seen, all);
        UI.getCurrent().getChildren().forEach(c -> collect(c, seen, all));
        return all;
    }

    private static void collect(com.vaadin.flow.component.Component component, Set<Element> seen, List<Element> into) {
        walk(component.getElement(), seen, into);
        component.getChildren().forEach(child -> collect(child, seen, into));
    }

    private static void walk(Element element, Set<Element> seen, List<Element> into) {
        if (!seen.add(element)) {
            return;
        }
        into.add(element);
        element.getChildren().forEach(child -> walk(child, seen, into));
    }
}
