package org.advocacy.admin.reminders.ui;

import org.advocacy.admin.ui.ConsoleFormat;
import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.reminders.DeliveryStatus;
import org.advocacy.reminders.RecipientDelivery;
import org.advocacy.reminders.Reminder;
import org.advocacy.reminders.ReminderProgress;
import org.advocacy.reminders.ReminderService;
import org.advocacy.reminders.ReminderStatus;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * Who a reminder went to and what happened to each email: a lazy grid, failures first,
 * with the error in plain words and the mail server's own words one click away.
 */
class RecipientsDialog extends Dialog {

    final Grid<RecipientDelivery> grid = new Grid<>();

    RecipientsDialog(Reminder reminder, ReminderService reminders, ConsoleFormat format) {
        setHeaderTitle("Recipients of \u201c" + reminder.getSubject() + "\u201d");
        setWidth("min(70rem, 95vw)");
        setHeight("80vh");
        ReminderProgress p = reminders.progress(reminder.getId());
        add(new Paragraph(ReminderListView.summary(p)));
        grid.addColumn(RecipientDelivery::name).setHeader("Recipient").setFlexGrow(2);
        grid.addColumn(RecipientDelivery::maskedEmail).setHeader("Email").setFlexGrow(2);
        grid.addColumn(d -> format.words(d.status())).setHeader("State").setFlexGrow(2);
        boolean stopped = reminder.getStatus() == ReminderStatus.FAILED;
        grid.addComponentColumn(d -> problem(d, stopped)).setHeader("What went wrong").setFlexGrow(4);
        grid.addColumn(d -> format.when(d.at())).setHeader("When (" + format.zone().getId() + ")").setAutoWidth(true);
        grid.setItemsPageable(
                pageable -> reminders.deliveries(reminder.getId(), (int) pageable.getOffset(), pageable.getPageSize()),
                pageable -> p.total());
        grid.setEmptyStateText("No recipients yet: the list is written when sending starts.");
        grid.setSizeFull();
        add(grid);
        getFooter().add(new Button("Close", e -> close()));
    }

    private static HorizontalLayout problem(RecipientDelivery delivery, boolean stopped) {
        HorizontalLayout cell = new HorizontalLayout();
        String plain = plainWords(delivery, stopped);
        if (plain.isEmpty()) {
            return cell;
        }
        Span text = new Span(plain);
        text.getStyle().set("white-space", "normal");
        cell.add(text);
        if (delivery.error() != null) {
            Button details = new Button("Details",
                    e -> ConsoleUi.details("What the mail server said", plain, delivery.error()).open());
            details.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            cell.add(details);
        }
        return cell;
    }

    /**
     * The state's consequence for staff, in words, with what to do; {@code stopped}:
     * sending stopped (the reminder failed), so waiting emails go only after Resume.
     */
    static String plainWords(RecipientDelivery delivery, boolean stopped) {
        return switch (delivery.status()) {
            case FAILED_PERMANENT -> "The mail server refused this email. Check the address with the supporter; "
                    + "it will not be tried again.";
            case IN_DOUBT ->
                "The mail server may or may not have received it; it is not sent again so nobody " + "gets it twice.";
            case SKIPPED -> delivery.error() == null ? "Not sent." : "Not sent: " + delivery.error();
            case PENDING -> delivery.error() == null ? ""
                    : "Not sent yet: the last try failed (" + ConsoleFormat.count(delivery.attempts(), "try", "tries")
                            + " so far)"
                            + (stopped ? "; it is sent when you press Resume." : " and it will be tried again.");
            case SENDING, SENT -> "";
        };
    }

    static boolean isProblem(DeliveryStatus status) {
        return status == DeliveryStatus.FAILED_PERMANENT || status == DeliveryStatus.IN_DOUBT;
    }

}
