package org.advocacy.admin.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;

import jakarta.annotation.security.PermitAll;

/**
 * A signed-in staff member opened a page their role does not allow. Replaces Vaadin's
 * default, which in development mode lists every route; the console's menu stays, so they
 * can go on from here.
 */
@PageTitle("No access · Advocacy console")
@ParentLayout(MainLayout.class)
@PermitAll
class ConsoleAccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    static final String TITLE = "You don't have access to this page";
    static final String EXPLANATION = "Your role does not include this part of the console. Pick a page from the "
            + "menu, or ask an administrator if you need this one for your work.";

    ConsoleAccessDeniedView() {
        add(new H1(TITLE), new Paragraph(EXPLANATION), new Anchor("/admin", "Go to the dashboard"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpStatusCode.FORBIDDEN.getCode();
    }

}
