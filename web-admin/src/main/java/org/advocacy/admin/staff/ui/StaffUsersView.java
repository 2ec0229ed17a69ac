package org.advocacy.admin.staff.ui;

import java.util.List;

import org.advocacy.admin.ui.ConsoleFormat;
import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.admin.ui.TimeZoneField;
import org.advocacy.staff.PasswordPolicy;
import org.advocacy.staff.Role;
import org.advocacy.staff.StaffUser;
import org.advocacy.staff.StaffUserService;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** Staff users, for administrators: create, change role, disable and reset passwords. */
@Route("staff")
@PageTitle("Staff users · Advocacy console")
@Menu(order = 90, icon = "vaadin:users", title = "Staff users")
@RolesAllowed("ADMIN")
class StaffUsersView extends VerticalLayout {

    private final StaffUserService users;

    private final ConsoleFormat format;

    private final Grid<StaffUser> grid = new Grid<>(StaffUser.class, false);

    StaffUsersView(StaffUserService users, ConsoleFormat format) {
        this.users = users;
        this.format = format;
        setSizeFull();
        Button create = new Button("New staff user", event -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Columns wrap instead of growing: about 60rem in all, so the grid fits a 1,280
        // px screen with the menu open.
        grid.addComponentColumn(user -> wrapping(user.getEmail()))
            .setHeader("Email")
            .setSortProperty("email")
            .setWidth("12rem")
            .setFlexGrow(2);
        grid.addComponentColumn(user -> wrapping(user.getDisplayName()))
            .setHeader("Name")
            .setSortProperty("displayName")
            .setWidth("9rem")
            .setFlexGrow(1);
        grid.addColumn(user -> user.isEnabled() ? "Active" : "Disabled")
            .setHeader("Status")
            .setWidth("5.5rem")
            .setFlexGrow(0);
        grid.addColumn(user -> user.getLastLoginAt() == null ? "Never" : format.when(user.getLastLoginAt()))
            .setHeader("Last login")
            .setWidth("9.5rem")
            .setFlexGrow(0);
        grid.addColumn(user -> user.getTimeZone() == null ? "Default"
                : user.getTimeZone().substring(user.getTimeZone().lastIndexOf('/') + 1).replace('_', ' '))
            .setHeader("Time zone")
            .setWidth("7rem")
            .setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("Role and actions").setWidth("16rem").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setWidthFull();
        grid.setItemsPageable(
                pageable -> users
                    .page(pageable.getSort().isSorted() ? pageable
                            : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("email")))
                    .getContent());
        grid.setEmptyStateText("No staff users yet.");
        add(new H1("Staff users"), create, grid);
    }

    /** Long addresses break anywhere instead of being cut off with an ellipsis. */
    private static Span wrapping(String text) {
        Span span = new Span(text);
        span.getStyle().set("overflow-wrap", "anywhere").set("white-space", "normal");
        return span;
    }

    private HorizontalLayout actions(StaffUser user) {
        Select<Role> role = new Select<>();
        role.setItems(Role.values());
        role.setItemLabelGenerator(format::words);
        role.setWidth("9rem");
        role.setValue(user.getRole());
        role.setAriaLabel("Role of " + user.getEmail());
        role.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null && event.getValue() != user.getRole()) {
                ConsoleUi.confirm("Change role?", "Change " + user.getEmail() + " from " + format.words(user.getRole())
                        + " to " + format.words(event.getValue()) + "?", "Change role", () -> {
                            if (ConsoleUi.attempt(() -> users.changeRole(user.getId(), event.getValue()))) {
                                ConsoleUi.success("Role changed.");
                            }
                            grid.getDataProvider().refreshAll();
                        });
            }
        });
        Button enable = new Button(user.isEnabled() ? "Disable" : "Enable", event -> {
            if (user.isEnabled()) {
                ConsoleUi.confirm("Disable " + user.getEmail() + "?",
                        "They will not be able to log in until an " + "administrator enables the account again.",
                        "Disable", () -> setEnabled(user, false));
            }
            else {
                setEnabled(user, true);
            }
        });
        if (user.isEnabled()) {
            enable.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        Button reset = new Button("Reset password", event -> openResetDialog(user));
        Button zone = new Button("Time zone", event -> openZoneDialog(user));
        for (Button button : List.of(enable, reset, zone)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        HorizontalLayout actions = new HorizontalLayout(role, enable, reset, zone);
        actions.setWrap(true);
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-xs)");
        return actions;
    }

    private void openZoneDialog(StaffUser user) {
        Dialog dialog = new Dialog("Time zone of " + user.getEmail());
        TimeZoneField zone = new TimeZoneField("Show their dates and times in", format.organisationZone());
        zone.setValue(user.getTimeZone());
        Button save = new Button("Save", event -> {
            if (ConsoleUi.attempt(() -> users.changeTimeZone(user.getId(), zone.getValue()))) {
                format.zoneChanged();
                ConsoleUi.success("Time zone saved.");
                dialog.close();
                grid.getDataProvider().refreshAll();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(zone);
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), save);
        dialog.open();
    }

    private void setEnabled(StaffUser user, boolean enabled) {
        if (ConsoleUi.attempt(() -> users.setEnabled(user.getId(), enabled))) {
            ConsoleUi.success(enabled ? "Account enabled." : "Account disabled.");
        }
        grid.getDataProvider().refreshAll();
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog("New staff user");
        EmailField email = new EmailField("Email");
        TextField name = new TextField("Name");
        PasswordField password = new PasswordField("Initial password");
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters; not a common password.");
        Select<Role> role = new Select<>();
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(format::words);
        role.setValue(Role.VIEWER);
        BeanValidationBinder<NewStaffUser> binder = new BeanValidationBinder<>(NewStaffUser.class);
        binder.forField(email).bind("email");
        binder.forField(name).bind("displayName");
        binder.forField(password).bind("password");
        binder.forField(role).bind("role");
        binder.readRecord(new NewStaffUser("", "", "", Role.VIEWER));
        Button save = new Button("Create", event -> {
            try {
                NewStaffUser form = binder.writeRecord();
                if (ConsoleUi
                    .attempt(() -> users.create(form.email(), form.displayName(), form.password(), form.role()))) {
                    ConsoleUi.success("Created " + form.email() + ".");
                    dialog.close();
                    grid.getDataProvider().refreshAll();
                }
            }
            catch (ValidationException invalid) {
                ConsoleUi.error("Correct the highlighted fields.");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(email, name, password, role));
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), save);
        dialog.open();
    }

    private void openResetDialog(StaffUser user) {
        Dialog dialog = new Dialog("Reset the password of " + user.getEmail());
        PasswordField password = new PasswordField("New password");
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters; not a common password. "
                + "Tell the user in person or by phone.");
        password.setWidthFull();
        Button save = new Button("Reset password", event -> ConsoleUi.confirm("Reset password?",
                "The old password stops working at once.", "Reset", () -> {
                    if (ConsoleUi.attempt(() -> users.resetPassword(user.getId(), password.getValue()))) {
                        ConsoleUi.success("Password reset.");
                        dialog.close();
                    }
                }));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.add(password);
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), save);
        dialog.open();
    }

}
