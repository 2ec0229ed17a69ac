package org.advocacy.admin.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.advocacy.bills.BillStage;
import org.jspecify.annotations.Nullable;

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

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.ComboBoxBase;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * Small helpers every console view shares: role checks, feedback, confirmations and
 * roster pickers.
 */
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

    /**
     * An error in plain words, at the top right where it does not cover the form being
     * corrected; it stays until closed or ten seconds pass.
     */
    public static Notification error(String message) {
        return error(message, null);
    }

    /**
     * An error in plain words with the full technical detail one click away ("Details"
     * opens it in a dialog), for failures staff may need to pass on to whoever runs the
     * platform.
     */
    public static Notification error(String message, @Nullable String detail) {
        Notification notification = new Notification();
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setPosition(Notification.Position.TOP_END);
        notification.setDuration(10000);
        if (detail == null || detail.isBlank()) {
            notification.setText(message);
            notification.open();
            return notification;
        }
        // With a detail the card holds components; a text property would replace them, so
        // it is not set.
        Span text = new Span(message);
        Button more = new Button("Details", event -> details("What went wrong", message, detail).open());
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_CONTRAST);
        Button close = new Button("Close", event -> notification.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_CONTRAST);
        HorizontalLayout content = new HorizontalLayout(text, more, close);
        content.setAlignItems(FlexComponent.Alignment.CENTER);
        notification.setDuration(0);
        notification.add(content);
        notification.open();
        return notification;
    }

    /** A dialog with a plain summary and the full detail as wrapped, selectable text. */
    public static Dialog details(String header, String summary, String detail) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(header);
        Pre full = new Pre(detail);
        full.getStyle()
            .set("white-space", "pre-wrap")
            .set("overflow-wrap", "anywhere")
            .set("max-height", "50vh")
            .set("overflow", "auto");
        dialog.add(new Paragraph(summary), full);
        dialog.setWidth("min(48rem, 90vw)");
        dialog.getFooter().add(new Button("Close", event -> dialog.close()));
        return dialog;
    }

    /**
     * Runs a change and reports a refusal in plain words. Returns whether it succeeded;
     * on failure the service's transaction has rolled back, so nothing was written.
     */
    public static boolean attempt(Runnable change) {
        return attemptResult(() -> {
            change.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /**
     * As {@link #attempt(Runnable)}, for a change whose result the caller needs: empty
     * when it was refused.
     */
    public static <T> Optional<T> attemptResult(Supplier<T> change) {
        try {
            return Optional.of(change.get());
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
        return Optional.empty();
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

    /** "Rep. Robert Aderholt (R, AL-4)", "Rep. Sarah McBride (D, DE at large)". */
    public static String label(Legislator legislator) {
        return ConsoleFormat.label(legislator);
    }

    /**
     * The record a view was opened for with {@code ?id=<id>} (a link in the audit log,
     * say), when it is a number.
     */
    public static Optional<Long> requestedId(BeforeEnterEvent event) {
        return event.getLocation()
            .getQueryParameters()
            .getSingleParameter("id")
            .filter(id -> id.matches("\\d{1,18}"))
            .map(Long::parseLong);
    }

    /**
     * A lazy picker over the sitting members of the roster, searching by name or bioguide
     * id.
     */
    public static ComboBox<Legislator> legislatorPicker(LegislatorService legislators, String label) {
        return overRoster(new ComboBox<>(label), legislators);
    }

    /** The same over several members. */
    public static MultiSelectComboBox<Legislator> legislatorsPicker(LegislatorService legislators, String label) {
        return overRoster(new MultiSelectComboBox<>(label), legislators);
    }

    private static <C extends ComboBoxBase<C, Legislator, ?>> C overRoster(C picker, LegislatorService legislators) {
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

    /** A bill stage in words, from the core message bundle ("Passed the House"). */
    public static String stage(MessageSource messages, BillStage stage) {
        return messages.getMessage(stage.messageKey(), null, stage.name(), Locale.ENGLISH);
    }

    /**
     * Prefer {@link ConsoleFormat#day}; kept for views that format outside a Spring bean.
     */
    public static String day(LocalDate date) {
        return ConsoleFormat.current().day(date);
    }

    /**
     * Calls {@code show} with a formatter in the staff member's own time zone (see
     * {@link ConsoleFormat}).
     */
    public static void inStaffZone(Consumer<Function<Instant, String>> show) {
        ConsoleFormat format = ConsoleFormat.current();
        show.accept(format::whenWithZone);
    }

}
