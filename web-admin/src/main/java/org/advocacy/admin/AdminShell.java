package org.advocacy.admin;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The console's page shell: the Lumo theme and its utility classes; no custom frontend
 * build.
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@Meta(name = "referrer", content = "same-origin")
public class AdminShell implements AppShellConfigurator {

}
