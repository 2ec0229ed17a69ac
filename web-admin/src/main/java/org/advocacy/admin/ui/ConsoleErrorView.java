package org.advocacy.admin.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;

import jakarta.annotation.security.PermitAll;

/**
 * A console page failed to open: a plain message and a reference for the log, instead of
 * Vaadin's error page.
 */
@PageTitle("Something went wrong · Advocacy console")
@ParentLayout(MainLayout.class)
@PermitAll
class ConsoleErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    static final String TITLE = "This page could not be opened";

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrorView.class);

    private final Paragraph explanation = new Paragraph();

    ConsoleErrorView() {
        add(new H1(TITLE), explanation, new Anchor("/admin", "Go to the dashboard"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = ConsoleErrors.newReference();
        log.error("Console page /{} failed to open, reference {}", event.getLocation().getPath(), reference,
                parameter.getCaughtException());
        explanation.setText("Something went wrong on our side. Reload the page in a minute; if it still fails, tell an "
                + "administrator the reference " + reference + ".");
        return HttpStatusCode.INTERNAL_SERVER_ERROR.getCode();
    }

}
