package org.fieldaid.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.Location;
import java.util.stream.Collectors;
import org.fieldaid.base.RecordNotFoundException;
import org.fieldaid.support.AsDemoUser;
import org.fieldaid.support.BrowserlessViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The failures the error view stands in for, read as the person sees them. */
class ErrorViewTest extends BrowserlessViewTest {

    @Autowired DenialAudit audit;

    @Test
    @AsDemoUser("mchs.officer")
    void anUnexpectedFailureShowsAReferenceAndNoExceptionText() {
        FailureErrorView view = new FailureErrorView(audit);
        int status = view.setErrorParameter(at("households/7"), new ErrorParameter<>(Exception.class,
                new IllegalStateException("could not execute statement: SELECT secret FROM household")));

        String shown = textOf(view);
        assertThat(status).isEqualTo(500);
        assertThat(shown).contains(view.getTranslation("error.page.failed.title"))
                .containsPattern("[0-9a-f]{8}")
                .doesNotContain("SELECT", "secret", "IllegalStateException", "could not execute");
    }

    @Test
    @AsDemoUser("mchs.officer")
    void aRefusedServiceCallAHiddenRecordAndAMissingOneReadTheSame() {
        String refused = shownFor(new AccessDeniedException("Filtering by health and protection needs needs PII"));
        String hidden = shownFor(RecordNotFoundException.hidden("HOUSEHOLD", 4));
        String missing = shownFor(new RuntimeException(RecordNotFoundException.missing("HOUSEHOLD", 99999)));

        assertThat(hidden).isEqualTo(missing).isEqualTo(refused)
                .contains(new FailureErrorView(audit).getTranslation("error.page.unavailable.message"))
                .doesNotContain("PII", "HOUSEHOLD", "99999");
    }

    private String shownFor(Exception thrown) {
        FailureErrorView view = new FailureErrorView(audit);
        assertThat(view.setErrorParameter(at("households/4"), new ErrorParameter<>(Exception.class, thrown)))
                .isEqualTo(404);
        return textOf(view);
    }

    private static BeforeEnterEvent at(String path) {
        BeforeEnterEvent event = mock(BeforeEnterEvent.class);
        when(event.getLocation()).thenReturn(new Location(path));
        return event;
    }

    private static String textOf(Component view) {
        return view.getElement().getTextRecursively() + " " + view.getChildren()
                .flatMap(c -> c.getChildren()).filter(c -> c instanceof H1 || c instanceof Paragraph)
                .map(c -> c.getElement().getText()).collect(Collectors.joining(" "));
    }
}
