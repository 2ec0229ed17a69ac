package org.advocacy.admin.bills.ui;

import org.advocacy.bills.Bill;
import org.advocacy.bills.BillType;
import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bill editor's fields. Public because Binder reads it reflectively. */
public record BillForm(
        @NotNull(message = "Enter the Congress.") @Min(value = 1,
                message = "The Congress is a number from 1 to 200.") @Max(value = 200,
                        message = "The Congress is a number from 1 to 200.") Integer congress,
        @NotNull(message = "Choose the type.") BillType type,
        @NotNull(message = "Enter the number.") @Min(value = 1,
                message = "The number must be positive.") Integer number,
        @NotBlank(message = "Enter the short title.") @Size(max = 200,
                message = "At most 200 characters.") String shortTitle,
        @Size(max = 1000, message = "At most 1000 characters.") @Nullable String officialTitle,
        @Nullable String summary,
        @Pattern(regexp = "^$|^https://\\S+$", message = "Enter an https:// address.") @Size(max = 300,
                message = "At most 300 characters.") @Nullable String congressGovUrl,
        @Size(max = 20, message = "At most 20 characters, e.g. Public Law 119-73.") @Nullable String publicLaw) {

    static BillForm of(Bill bill) {
        return new BillForm(bill.getCongress(), bill.getType(), bill.getNumber(), bill.getShortTitle(),
                bill.getOfficialTitle(), bill.getSummary(), bill.getCongressGovUrl(), bill.getPublicLaw());
    }
}
