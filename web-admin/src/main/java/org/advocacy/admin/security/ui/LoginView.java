package org.advocacy.admin.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

/** Staff login. Wrong credentials and locked accounts get the same message, so it reveals nothing. */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Advocacy console")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final transient AuthenticationContext authentication;
    private final LoginForm login = new LoginForm();

    LoginView(AuthenticationContext authentication) {
        this.authentication = authentication;
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Staff console");
        i18n.getForm().setUsername("Email");
        i18n.getErrorMessage().setTitle("Could not log you in");
        i18n.getErrorMessage().setMessage("Check your email and password. After 5 failed attempts an account "
                + "is locked for 15 minutes.");
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        addClassName("login-view");
        getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "center")
                .set("padding", "2rem 1rem");
        add(new H1("Advocacy console"), login,
                new Paragraph("Forgot your password? Ask an administrator to reset it."));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
