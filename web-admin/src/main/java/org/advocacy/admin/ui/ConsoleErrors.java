package org.advocacy.admin.ui;

import java.io.EOFException;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * What staff see when something fails inside the console: a plain message with what to do
 * and a short reference, never a stack trace or a framework message. The full error goes
 * to the server log under the same reference, so an administrator can find it.
 */
@Component
class ConsoleErrors implements VaadinServiceInitListener, ErrorHandler {

    static final String NO_PERMISSION = "You don't have permission to do that. Nothing was changed. "
            + "Ask an administrator if you need to.";
    static final String FAILED = "That didn't work, and it may not have been saved. Reload the page and try again. "
            + "If it happens again, tell an administrator the reference %s.";

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    private static final SecureRandom random = new SecureRandom();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable error = event.getThrowable();
        if (clientWentAway(error)) {
            log.debug("Console client went away mid-response: {}", error.toString());
            return; // the browser left or reloaded; nobody is there to tell, and nothing
                    // failed
        }
        String message;
        if (causedBy(error, AccessDeniedException.class)) {
            log.warn("Console action refused by a role check: {}", error.toString());
            message = NO_PERMISSION;
        }
        else {
            String reference = newReference();
            log.error("Console error, reference {}", reference, error);
            message = FAILED.formatted(reference);
        }
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        if (ui.getSession().hasLock()) {
            show(message); // the usual case: a listener failed inside the request that
                           // holds the session
        }
        else {
            ui.access(() -> show(message));
        }
    }

    private static void show(String message) {
        Notification notification = Notification.show(message, 10_000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /**
     * Eight hex characters: short enough to read out on the phone, unique enough to find
     * in a day's log.
     */
    static String newReference() {
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static boolean clientWentAway(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getClass().getSimpleName().equals("ClientAbortException") || cause instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

}
