package org.advocacy.admin.ui;

import com.vaadin.flow.router.AccessDeniedException;
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
class ConsoleAccessDeniedView extends ConsoleErrorView<AccessDeniedException> {

    static final String TITLE = "You don't have access to this page";
    static final String EXPLANATION = "Your role does not include this part of the console. Pick a page from the "
            + "menu, or ask an administrator if you need this one for your work.";

    ConsoleAccessDeniedView() {
        super(TITLE, EXPLANATION, HttpStatusCode.FORBIDDEN);
    }

}
