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

/**
 * Staff login. Wrong credentials and locked accounts get the same message, so it reveals
 * nothing.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Advocacy console")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final transient AuthenticationContext authentication;

    private final LoginForm login = new LoginForm();

    LoginView(AuthenticationContext authentication) {
        this.authentication = authentication;
        login.setI18n(i18n("Could not log you in",
                "Check your email and password. After 5 failed attempts an " + "account is locked for 15 minutes."));
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        addClassName("login-view");
        getStyle().set("display", "flex")
            .set("flex-direction", "column")
            .set("align-items", "center")
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
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("throttled")) {
            // Set by the console's login guard: this address used up its failed attempts.
            login.setI18n(i18n("Too many failed logins from your network", "No login was tried. Wait a few "
                    + "minutes, then try again; ask an administrator if you have forgotten your password."));
            login.setError(true);
            return;
        }
        login.setError(parameters.containsKey("error"));
    }

    private static LoginI18n i18n(String errorTitle, String errorMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Staff console");
        i18n.getForm().setUsername("Email");
        i18n.getErrorMessage().setTitle(errorTitle);
        i18n.getErrorMessage().setMessage(errorMessage);
        return i18n;
    }

}
