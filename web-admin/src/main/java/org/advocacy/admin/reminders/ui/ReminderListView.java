package org.advocacy.admin.reminders.ui;

import org.advocacy.admin.ui.ConsoleFormat;
import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.reminders.InvalidReminderException;
import org.advocacy.reminders.Reminder;
import org.advocacy.reminders.ReminderProgress;
import org.advocacy.reminders.ReminderService;
import org.advocacy.reminders.ReminderStatus;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.RolesAllowed;

/**
 * Every reminder, newest first (a lazy grid), with live progress while one is sending
 * (the page polls every two seconds while it is open) and a cancel button that asks for
 * confirmation.
 */
@Route("reminders")
@PageTitle("Reminders · Advocacy console")
@Menu(order = 50, icon = "vaadin:envelope", title = "Reminders")
@RolesAllowed({ "ADMIN", "ORGANIZER" })
class ReminderListView extends VerticalLayout {

    static final int POLL_MILLIS = 2000;

    private final ReminderService reminders;

    private final ConsoleFormat format;

    private final Grid<Reminder> grid = new Grid<>(Reminder.class, false);

    private Registration poll = () -> {
    };

    ReminderListView(ReminderService reminders, ConsoleFormat format) {
        this.reminders = reminders;
        this.format = format;
        setSizeFull();
        Button compose = new Button("New reminder",
                e -> getUI().ifPresent(ui -> ui.navigate(ReminderComposerView.class)));
        compose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new HorizontalLayout(new H1("Reminders"), compose));

        grid.addColumn(Reminder::getSubject).setHeader("Subject").setFlexGrow(3);
        grid.addColumn(r -> r.audience().rule().label()).setHeader("Audience").setFlexGrow(2);
        grid.addColumn(r -> format.words(r.getStatus())).setHeader("Status").setSortProperty("status");
        grid.addColumn(r -> format.when(r.getScheduledAt()))
            .setHeader("Send at (" + format.zone().getId() + ")")
            .setSortProperty("scheduledAt")
            .setAutoWidth(true);
        grid.addComponentColumn(this::progress).setHeader("Progress").setFlexGrow(2);
        grid.addComponentColumn(this::actions).setHeader("").setFlexGrow(2);
        grid.setItemsPageable(pageable -> reminders.page(pageable).getContent(), pageable -> reminders.count());
        grid.setEmptyStateText("No reminders yet. Compose one to email your supporters.");
        grid.setSizeFull();
        add(grid);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(POLL_MILLIS);
        poll = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        poll.remove();
        event.getUI().setPollInterval(-1);
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private Component progress(Reminder reminder) {
        if (reminder.getStatus() == ReminderStatus.DRAFT || reminder.getStatus() == ReminderStatus.SCHEDULED) {
            return new Span("");
        }
        ReminderProgress p = reminders.progress(reminder.getId());
        ProgressBar bar = new ProgressBar(0, 1, p.fraction());
        bar.setWidth("6rem");
        Span text = new Span(summary(p));
        text.getStyle().set("white-space", "normal");
        VerticalLayout layout = new VerticalLayout(bar, text);
        layout.setPadding(false);
        layout.setSpacing(false);
        if (reminder.getStatus() == ReminderStatus.FAILED) {
            Span failed = new Span("Sending stopped: the mail server could not take the emails. Check the mail "
                    + "settings or try Resume later.");
            failed.getStyle().set("white-space", "normal").set("color", "var(--lumo-error-text-color)");
            layout.add(failed);
        }
        return layout;
    }

    /** "3 sent of 10, 1 could not be delivered". */
    static String summary(ReminderProgress p) {
        return p.sent() + " sent of " + p.total()
                + (p.failed() > 0 ? ", " + p.failed() + " could not be delivered" : "")
                + (p.skipped() > 0 ? ", " + p.skipped() + " not sent" : "")
                + (p.inDoubt() > 0 ? ", " + p.inDoubt() + " unconfirmed" : "");
    }

    private Component actions(Reminder reminder) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        Button open = new Button(reminder.getStatus().isEditable() ? "Edit" : "View",
                e -> getUI().ifPresent(ui -> ui.navigate(ReminderComposerView.class, reminder.getId())));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        actions.add(open);
        if (reminder.getStatus() != ReminderStatus.DRAFT && reminder.getStatus() != ReminderStatus.SCHEDULED) {
            Button recipients = new Button("Recipients", e -> new RecipientsDialog(reminder, reminders, format).open());
            recipients.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(recipients);
        }
        if (reminder.getLastError() != null && reminder.getStatus() == ReminderStatus.FAILED) {
            String error = reminder.getLastError();
            Button why = new Button("Why it failed", e -> ConsoleUi
                .details("Why sending stopped",
                        "The mail server could not take the emails. Check the mail settings, then press Resume.", error)
                .open());
            why.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(why);
        }
        if (reminder.getStatus() == ReminderStatus.FAILED) {
            Button resume = new Button("Resume",
                    e -> run(() -> reminders.resume(reminder.getId()), "Sending resumed."));
            resume.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(resume);
        }
        if (reminder.getStatus() != ReminderStatus.SENT && reminder.getStatus() != ReminderStatus.CANCELLED) {
            Button cancel = new Button("Cancel", e -> confirmCancel(reminder));
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(cancel);
        }
        return actions;
    }

    void confirmCancel(Reminder reminder) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Cancel this reminder?");
        dialog.add(new Paragraph("\"" + reminder.getSubject() + "\" will not be sent to anyone still waiting for it. "
                + "Emails already sent cannot be recalled."));
        Button confirm = new Button("Cancel reminder", e -> {
            dialog.close();
            run(() -> reminders.cancel(reminder.getId()), "Reminder cancelled.");
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Keep it", e -> dialog.close()), confirm);
        dialog.open();
    }

    private void run(Runnable action, String done) {
        try {
            action.run();
            ConsoleUi.success(done);
        }
        catch (InvalidReminderException e) {
            ConsoleUi.error(e.getMessage());
        }
        refresh();
    }

}
