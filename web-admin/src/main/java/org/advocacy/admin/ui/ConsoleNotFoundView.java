package org.advocacy.admin.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;

import jakarta.annotation.security.PermitAll;

/**
 * No console page at this address (a mistyped link, or a record that no longer exists).
 * No route list.
 */
@PageTitle("Page not found · Advocacy console")
@ParentLayout(MainLayout.class)
@PermitAll
class ConsoleNotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    static final String TITLE = "Page not found";
    static final String EXPLANATION = "There is no console page at this address. The link may be mistyped, or the "
            + "record it pointed to may have been removed. Pick a page from the menu.";

    ConsoleNotFoundView() {
        add(new H1(TITLE), new Paragraph(EXPLANATION), new Anchor("/admin", "Go to the dashboard"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpStatusCode.NOT_FOUND.getCode();
    }

}
