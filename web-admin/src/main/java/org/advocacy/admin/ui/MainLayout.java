package org.advocacy.admin.ui;

import org.springframework.security.core.userdetails.UserDetails;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

/**
 * The console frame: navigation built from the views the current user may open, and
 * logout.
 */
@Layout
@PermitAll
class MainLayout extends AppLayout {

    MainLayout(AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);

        SideNav navigation = new SideNav();
        MenuConfiguration.getMenuEntries()
            .forEach(entry -> navigation.addItem(entry.icon() == null ? new SideNavItem(entry.title(), entry.path())
                    : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()))));
        Span title = new Span("Advocacy console");
        title.getStyle().set("font-weight", "600").set("padding", "var(--lumo-space-m)");
        addToDrawer(title, new Scroller(navigation));

        String user = authentication.getAuthenticatedUser(UserDetails.class).map(UserDetails::getUsername).orElse("");
        Button logout = new Button("Log out", event -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout account = new HorizontalLayout(new Span(user), logout);
        account.setAlignItems(FlexComponent.Alignment.CENTER);
        account.getStyle().set("margin-left", "auto").set("padding-right", "var(--lumo-space-m)");
        addToNavbar(new DrawerToggle(), account);
    }

}
