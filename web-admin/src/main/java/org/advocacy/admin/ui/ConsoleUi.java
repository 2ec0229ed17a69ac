package org.advocacy.admin.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import org.advocacy.bills.BillStage;

import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorService;
import org.advocacy.legislators.LegislatorService.RosterFilter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.MessageSource;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.spring.security.AuthenticationContext;

/** Small helpers every console view shares: role checks, feedback, confirmations and roster pickers. */
public final class ConsoleUi {

    private ConsoleUi() {
    }

    /** Whether the user may change content (ADMIN or ORGANIZER); VIEWERs only read. */
    public static boolean canEdit(AuthenticationContext authentication) {
        return authentication.hasAnyRole("ADMIN", "ORGANIZER");
    }

    public static void success(String message) {
        Notification notification = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /**
     * Runs a change and reports a refusal in plain words. Returns whether it succeeded; on failure
     * the service's transaction has rolled back, so nothing was written.
     */
    public static boolean attempt(Runnable change) {
        try {
            change.run();
            return true;
        }
        catch (AccessDeniedException denied) {
            error("You do not have permission to do this.");
        }
        catch (ObjectOptimisticLockingFailureException stale) {
            error("Someone else changed this record while you were editing it. Reload the page and try again.");
        }
        catch (DataIntegrityViolationException invalid) {
            error("The database refused this change because it breaks a rule (for example a duplicate or a missing "
                    + "link). Nothing was saved.");
        }
        catch (IllegalArgumentException | IllegalStateException refused) {
            error(refused.getMessage() == null ? "This change was refused." : refused.getMessage());
        }
        return false;
    }

    /** Asks before a destructive action; the action runs only on "confirm". */
    public static ConfirmDialog confirm(String header, String text, String confirmText, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirmText, event -> action.run());
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
        return dialog;
    }

    public static Paragraph emptyState(String text) {
        Paragraph empty = new Paragraph(text);
        empty.addClassName("empty-state");
        empty.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return empty;
    }

    /** "Rep. Robert Aderholt (R, AL-4)". */
    public static String label(Legislator legislator) {
        return legislator.getTitle() + " " + legislator.getDisplayName() + " (" + legislator.getPartyInitial() + ", "
                + legislator.getSeat() + ")";
    }

    /** A lazy picker over the sitting members of the roster, searching by name or bioguide id. */
    public static ComboBox<Legislator> legislatorPicker(LegislatorService legislators, String label) {
        ComboBox<Legislator> picker = new ComboBox<>(label);
        picker.setItemLabelGenerator(ConsoleUi::label);
        picker.setItemsPageable((pageable, text) -> search(legislators, pageable, text),
                (pageable, text) -> legislators.count(filter(text)));
        picker.setClearButtonVisible(true);
        picker.setWidthFull();
        return picker;
    }

    public static MultiSelectComboBox<Legislator> legislatorsPicker(LegislatorService legislators, String label) {
        MultiSelectComboBox<Legislator> picker = new MultiSelectComboBox<>(label);
        picker.setItemLabelGenerator(ConsoleUi::label);
        picker.setItemsPageable((pageable, text) -> search(legislators, pageable, text),
                (pageable, text) -> legislators.count(filter(text)));
        picker.setClearButtonVisible(true);
        picker.setWidthFull();
        return picker;
    }

    private static List<Legislator> search(LegislatorService legislators, Pageable pageable, String text) {
        Pageable sorted = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by("lastName", "firstName", "bioguideId"));
        return legislators.search(filter(text), sorted).getContent();
    }

    private static RosterFilter filter(String text) {
        return new RosterFilter(text, null, null, null, true);
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** A bill stage in words, from the core message bundle ("Passed the House"). */
    public static String stage(MessageSource messages, BillStage stage) {
        return messages.getMessage(stage.messageKey(), null, stage.name(), Locale.ENGLISH);
    }

    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    /**
     * Calls {@code show} with a time formatter in UTC at once, then again in the staff member's own
     * time zone as soon as their browser has reported it.
     */
    public static void inStaffZone(Consumer<Function<Instant, String>> show) {
        show.accept(at -> WHEN.format(at.atZone(ZoneOffset.UTC)) + " UTC");
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        ui.getPage().retrieveExtendedClientDetails(details -> {
            ZoneId zone;
            try {
                zone = ZoneId.of(details.getTimeZoneId());
            }
            catch (RuntimeException unknown) {
                return;
            }
            show.accept(at -> WHEN.format(at.atZone(zone)) + " (" + zone.getId().replace('_', ' ') + ")");
        });
    }
}
