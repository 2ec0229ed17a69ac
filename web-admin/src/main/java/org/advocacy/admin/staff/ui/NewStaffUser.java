package org.advocacy.admin.staff.ui;

import org.advocacy.staff.PasswordPolicy;
import org.advocacy.staff.Role;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The new-staff-user form. Public because Binder reads it reflectively. */
public record NewStaffUser(
        @NotBlank(message = "Enter an email address.") @Email(message = "Enter a valid email address.") String email,
        @NotBlank(message = "Enter a name.") @Size(max = 120) String displayName,
        @NotBlank(
                message = "Enter a password.") @Size(min = PasswordPolicy.MIN_LENGTH,
                        message = "The password must be at least " + PasswordPolicy.MIN_LENGTH
                                + " characters long.") String password,
        @NotNull(message = "Choose a role.") Role role) {
}
