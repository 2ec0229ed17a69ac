package org.advocacy.admin.staff.ui;

import org.advocacy.admin.ui.ConsoleUi;
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
import com.vaadin.flow.component.html.H1;
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
    private final Grid<StaffUser> grid = new Grid<>(StaffUser.class, false);

    StaffUsersView(StaffUserService users) {
        this.users = users;
        setSizeFull();
        Button create = new Button("New staff user", event -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.addColumn(StaffUser::getEmail).setHeader("Email").setSortProperty("email").setAutoWidth(true);
        grid.addColumn(StaffUser::getDisplayName).setHeader("Name").setSortProperty("displayName");
        grid.addColumn(user -> user.getRole().name()).setHeader("Role").setSortProperty("role");
        grid.addColumn(user -> user.isEnabled() ? "Active" : "Disabled").setHeader("Status");
        grid.addColumn(user -> user.getLastLoginAt() == null ? "Never" : user.getLastLoginAt().toString())
                .setHeader("Last login");
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true);
        grid.setItemsPageable(pageable -> users.page(pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("email"))).getContent());
        grid.setEmptyStateText("No staff users yet.");
        add(new H1("Staff users"), create, grid);
    }

    private HorizontalLayout actions(StaffUser user) {
        Select<Role> role = new Select<>();
        role.setItems(Role.values());
        role.setValue(user.getRole());
        role.setAriaLabel("Role of " + user.getEmail());
        role.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null && event.getValue() != user.getRole()) {
                ConsoleUi.confirm("Change role?", "Change " + user.getEmail() + " from " + user.getRole() + " to "
                        + event.getValue() + "?", "Change role", () -> {
                    if (ConsoleUi.attempt(() -> users.changeRole(user.getId(), event.getValue()))) {
                        ConsoleUi.success("Role changed.");
                    }
                    grid.getDataProvider().refreshAll();
                });
            }
        });
        Button enable = new Button(user.isEnabled() ? "Disable" : "Enable", event -> {
            if (user.isEnabled()) {
                ConsoleUi.confirm("Disable " + user.getEmail() + "?", "They will not be able to log in until an "
                        + "administrator enables the account again.", "Disable", () -> setEnabled(user, false));
            }
            else {
                setEnabled(user, true);
            }
        });
        if (user.isEnabled()) {
            enable.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        Button reset = new Button("Reset password", event -> openResetDialog(user));
        return new HorizontalLayout(role, enable, reset);
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
                if (ConsoleUi.attempt(() -> users.create(form.email(), form.displayName(), form.password(), form.role()))) {
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
