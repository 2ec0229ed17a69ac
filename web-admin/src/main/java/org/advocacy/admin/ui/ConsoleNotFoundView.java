package org.advocacy.admin.ui;

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
class ConsoleNotFoundView extends ConsoleErrorView<NotFoundException> {

    static final String TITLE = "Page not found";
    static final String EXPLANATION = "There is no console page at this address. The link may be mistyped, or the "
            + "record it pointed to may have been removed. Pick a page from the menu.";

    ConsoleNotFoundView() {
        super(TITLE, EXPLANATION, HttpStatusCode.NOT_FOUND);
    }

}
