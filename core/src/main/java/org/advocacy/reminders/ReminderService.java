package org.advocacy.reminders;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.advocacy.reminders.internal.AudienceQueries;
import org.advocacy.reminders.internal.DeliveryStore;
import org.advocacy.reminders.internal.ReminderRepository;
import org.advocacy.shared.Placeholders;
import org.advocacy.shared.mail.Mailer;
import org.advocacy.shared.mail.OutgoingMail;
import org.advocacy.staff.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composing, scheduling and cancelling reminders, for the console. Sending is
 * {@link ReminderDispatch}'s.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'ORGANIZER')")
public class ReminderService {

    private final ReminderRepository reminders;

    private final AudienceQueries audiences;

    private final DeliveryStore deliveries;

    private final ReminderRenderer renderer;

    private final Mailer mailer;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    ReminderService(ReminderRepository reminders, AudienceQueries audiences, DeliveryStore deliveries,
            ReminderRenderer renderer, Mailer mailer, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.reminders = reminders;
        this.audiences = audiences;
        this.deliveries = deliveries;
        this.renderer = renderer;
        this.mailer = mailer;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A page of reminders, newest first unless the pageable says otherwise. */
    public Page<Reminder> page(Pageable pageable) {
        Pageable sorted = pageable.getSort().isSorted() ? pageable : PageRequest.of(pageable.getPageNumber(),
                pageable.getPageSize(), Sort.by(Sort.Direction.DESC, "createdAt"));
        return reminders.findAll(sorted);
    }

    public long count() {
        return reminders.count();
    }

    public Optional<Reminder> find(long id) {
        return reminders.findById(id);
    }

    public long countAudience(Audience audience) {
        return audiences.count(audience);
    }

    /**
     * The draft as the first supporter in its audience would receive it; empty when the
     * audience is empty.
     */
    public Optional<RenderedEmail> sample(ReminderDraft draft) {
        validate(draft);
        return audiences.first(draft.audience())
            .map(r -> renderer.render(draft.subject(), draft.bodyHtml(), draft.bodyText(), r));
    }

    /**
     * Sends the draft to a staff member, personalised like the first supporter in the
     * audience, but with an inert unsubscribe link so that clicking it cannot unsubscribe
     * that supporter.
     */
    public RenderedEmail sendTest(ReminderDraft draft, String staffEmail) {
        validate(draft);
        Recipient sample = audiences.first(draft.audience())
            .orElse(new Recipient(0, staffEmail, "Sample Supporter", null, null, "test"));
        Recipient recipient = new Recipient(0, staffEmail, sample.name(), sample.state(), sample.district(), "test");
        RenderedEmail email = renderer.render("[Test] " + draft.subject(), draft.bodyHtml(), draft.bodyText(),
                recipient);
        mailer.send(new OutgoingMail(staffEmail, email.subject(), email.text(), email.html(), null));
        return email;
    }

    @Transactional
    public Reminder create(ReminderDraft draft, String createdBy) {
        validate(draft);
        Reminder reminder = reminders
            .save(new Reminder(draft.subject(), draft.bodyHtml(), draft.bodyText(), draft.audience(), createdBy));
        audit.record("reminder.create", "Reminder", reminder.getId(), null, snapshot(reminder));
        return reminder;
    }

    @Transactional
    public Reminder update(long id, long expectedVersion, ReminderDraft draft) {
        validate(draft);
        Reminder reminder = get(id);
        checkVersion(reminder, expectedVersion);
        Map<String, Object> before = snapshot(reminder);
        reminder.edit(draft.subject(), draft.bodyHtml(), draft.bodyText(), draft.audience(), clock.instant());
        audit.record("reminder.update", "Reminder", id, before, snapshot(reminder));
        return reminder;
    }

    @Transactional
    public Reminder schedule(long id, Instant at) {
        if (at.isBefore(clock.instant().minusSeconds(60))) {
            throw new InvalidReminderException("Choose a time in the future, or send it now.");
        }
        Reminder reminder = get(id);
        Map<String, Object> before = snapshot(reminder);
        reminder.schedule(at, clock.instant());
        audit.record("reminder.schedule", "Reminder", id, before, snapshot(reminder));
        return reminder;
    }

    /**
     * Schedules for now and asks the sending job to start at once (after this transaction
     * commits).
     */
    @Transactional
    public Reminder sendNow(long id) {
        Reminder reminder = get(id);
        Map<String, Object> before = snapshot(reminder);
        reminder.schedule(clock.instant(), clock.instant());
        audit.record("reminder.send-now", "Reminder", id, before, snapshot(reminder));
        events.publishEvent(new ReminderReleased(id));
        return reminder;
    }

    @Transactional
    public Reminder unschedule(long id) {
        Reminder reminder = get(id);
        Map<String, Object> before = snapshot(reminder);
        reminder.unschedule(clock.instant());
        audit.record("reminder.unschedule", "Reminder", id, before, snapshot(reminder));
        return reminder;
    }

    /**
     * Resumes a reminder whose run failed (for example because the mail server was down).
     */
    @Transactional
    public Reminder resume(long id) {
        Reminder reminder = get(id);
        if (reminder.getStatus() != ReminderStatus.FAILED) {
            throw new InvalidReminderException("Only a reminder whose sending failed can be resumed.");
        }
        audit.record("reminder.resume", "Reminder", id, snapshot(reminder), null);
        events.publishEvent(new ReminderReleased(id));
        return reminder;
    }

    /**
     * Cancels a reminder that has not finished: nobody still waiting receives it. An
     * email already being handed to the mail server at this moment completes.
     */
    @Transactional
    public Reminder cancel(long id) {
        Reminder reminder = get(id);
        if (!Set.of(ReminderStatus.DRAFT, ReminderStatus.SCHEDULED, ReminderStatus.SENDING, ReminderStatus.FAILED)
            .contains(reminder.getStatus())) {
            throw new InvalidReminderException("This reminder has already finished.");
        }
        Map<String, Object> before = snapshot(reminder);
        reminder.cancel(clock.instant());
        reminders.flush();
        deliveries.skipPending(id, "The reminder was cancelled.");
        audit.record("reminder.cancel", "Reminder", id, before, snapshot(reminder));
        events.publishEvent(new ReminderCancelled(id, reminder.getJobExecutionId()));
        return reminder;
    }

    public ReminderProgress progress(long id) {
        DeliveryStore.Counts c = deliveries.counts(id);
        return new ReminderProgress(c.total(), c.pending(), c.sending(), c.sent(), c.failed(), c.skipped(),
                c.inDoubt());
    }

    /**
     * One page of a reminder's recipients: name, email masked to its first letter and
     * domain (staff need to recognise a person, not to copy addresses), the state and the
     * last error in plain words.
     */
    public List<RecipientDelivery> deliveries(long id, int offset, int limit) {
        return deliveries.rows(id, offset, limit)
            .stream()
            .map(row -> new RecipientDelivery(row.name(), maskEmail(row.email()), DeliveryStatus.valueOf(row.status()),
                    row.attempts(), row.lastError(), row.sentAt() != null ? row.sentAt() : row.updatedAt()))
            .toList();
    }

    static String maskEmail(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "…" : email.charAt(0) + "…" + email.substring(at);
    }

    private Reminder get(long id) {
        return reminders.findById(id).orElseThrow(() -> new InvalidReminderException("No such reminder."));
    }

    private static void checkVersion(Reminder reminder, long expectedVersion) {
        if (reminder.getVersion() != expectedVersion) {
            throw new InvalidReminderException(
                    "Someone else changed this reminder meanwhile. Reload it and try again.");
        }
    }

    static void validate(ReminderDraft draft) {
        if (draft.subject().isBlank()) {
            throw new InvalidReminderException("Enter a subject.");
        }
        if (draft.subject().length() > 200) {
            throw new InvalidReminderException("Keep the subject to 200 characters.");
        }
        if (draft.bodyText().isBlank()) {
            throw new InvalidReminderException("Enter a plain-text body: some supporters read only that.");
        }
        if (draft.bodyHtml().isBlank()) {
            throw new InvalidReminderException("Enter an HTML body.");
        }
        for (String part : new String[] { draft.subject(), draft.bodyHtml(), draft.bodyText() }) {
            Set<String> unknown = ReminderRenderer.unknownPlaceholders(part);
            if (!unknown.isEmpty()) {
                throw new InvalidReminderException(
                        "Unknown placeholder: " + Placeholders.listed(unknown, ReminderRenderer.PLACEHOLDERS.keySet())
                                + ". Use one of: " + Placeholders.listed(ReminderRenderer.PLACEHOLDERS.keySet()) + ".");
            }
        }
    }

    private static Map<String, Object> snapshot(Reminder reminder) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("subject", reminder.getSubject());
        state.put("audience", reminder.audience().toString());
        state.put("status", reminder.getStatus().name());
        state.put("scheduledAt", String.valueOf(reminder.getScheduledAt()));
        return state;
    }

}
