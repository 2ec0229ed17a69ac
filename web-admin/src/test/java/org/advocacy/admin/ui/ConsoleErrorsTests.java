package org.advocacy.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;

/**
 * Inside the console, a denied page, a missing page and a failure each get a plain
 * message, never a stack trace.
 */
@SpringBootTest
@WithMockUser(username = "organiser@example.org", roles = "ORGANIZER")
class ConsoleErrorsTests extends SpringBrowserlessTest {

    @Test
    void anOrganiserOpeningAnAdministratorsPageIsToldTheyHaveNoAccess() {
        UI.getCurrent().navigate("staff");

        assertThat(getCurrentView()).isInstanceOf(ConsoleAccessDeniedView.class);
        assertThat($(H1.class).single().getText()).isEqualTo(ConsoleAccessDeniedView.TITLE);
    }

    @Test
    void anUnknownConsoleAddressIsPageNotFoundWithoutARouteList() {
        UI.getCurrent().navigate("no-such-page");

        assertThat(getCurrentView()).isInstanceOf(ConsoleNotFoundView.class);
        assertThat(getCurrentView().getElement().getText()).doesNotContain("staff").doesNotContain("audit");
    }

    @Test
    void aFailureShowsAReferenceAndNoneOfTheExceptionsText() {
        UI.getCurrent().navigate("");
        assertThat(VaadinSession.getCurrent().getErrorHandler()).isInstanceOf(ConsoleErrors.class);

        VaadinSession.getCurrent()
            .getErrorHandler()
            .error(new ErrorEvent(new IllegalStateException("duplicate key value violates unique constraint")));

        String shown = test($(Notification.class).last()).getText();
        assertThat(shown).matches("That didn't work, .* tell an administrator the reference [0-9A-F]{8}\\.")
            .doesNotContain("duplicate key")
            .doesNotContain("Exception");
    }

    @Test
    void aRefusedActionSaysSoPlainly() {
        UI.getCurrent().navigate("");

        VaadinSession.getCurrent()
            .getErrorHandler()
            .error(new ErrorEvent(new RuntimeException(new AccessDeniedException("Access Denied"))));

        assertThat(test($(Notification.class).last()).getText()).isEqualTo(ConsoleErrors.NO_PERMISSION);
    }

}
