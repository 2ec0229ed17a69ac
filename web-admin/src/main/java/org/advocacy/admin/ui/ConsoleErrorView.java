package org.advocacy.admin.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.HttpStatusCode;

/**
 * A console error page: a title, what happened and what to do, a way back to the
 * dashboard, and the status code; inside the console's layout, so its menu stays. Vaadin
 * skips abstract classes when it collects error views.
 */
abstract class ConsoleErrorView<E extends Exception> extends VerticalLayout implements HasErrorParameter<E> {

    private final HttpStatusCode status;

    ConsoleErrorView(String title, String explanation, HttpStatusCode status) {
        this.status = status;
        add(new H1(title), new Paragraph(explanation), new Anchor("/admin", "Go to the dashboard"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<E> parameter) {
        return status.getCode();
    }

}
