package org.advocacy.admin.jobs.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.advocacy.admin.ui.ConsoleFormat;
import org.advocacy.admin.ui.ConsoleUi;

import org.advocacy.legislators.RosterJobs;
import org.advocacy.legislators.RosterJobs.JobRun;
import org.advocacy.legislators.RosterJobs.Name;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Start the roster sync, the district import or the bill status sync and watch them: the
 * grid refreshes every two seconds while the view is open (polling works with the
 * pre-built frontend bundle), showing each step's progress and, at the end, the summary
 * or the reason it failed.
 */
@Route("jobs")
@PageTitle("Jobs · Advocacy console")
@Menu(order = 90, icon = "vaadin:cogs", title = "Jobs")
@RolesAllowed("ADMIN")
class JobsView extends VerticalLayout {

    static final int POLL_MILLIS = 2000;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    final Button syncRoster = new Button("Run roster sync");

    final Button importDistricts = new Button("Run district import");

    final Button syncBills = new Button("Run bill status sync");

    final Grid<JobRun> grid = new Grid<>();

    private final RosterJobs jobs;

    private final ConsoleFormat format;

    /**
     * Runs started from this view that have not ended yet: their end is announced when
     * the poll sees it.
     */
    private final Set<Long> watching = new HashSet<>();

    /**
     * Jobs started from this view whose run has not appeared yet (it is created in the
     * background).
     */
    private final Map<Name, Starting> starting = new EnumMap<>(Name.class);

    private com.vaadin.flow.shared.@Nullable Registration polling;

    JobsView(RosterJobs jobs, ConsoleFormat format) {
        this.jobs = jobs;
        this.format = format;
        setSizeFull();
        add(new H1("Jobs"),
                new Paragraph("The roster sync runs nightly, the district import monthly and the bill status sync "
                        + "every four hours, on one instance at a time. Start any of them now; a run that would remove more "
                        + "than the safety limit of sitting members fails and changes nothing, and a bill whose official "
                        + "record cannot be read keeps what it had while the other bills are updated."));
        syncRoster.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        syncRoster.addClickListener(event -> start(Name.ROSTER_SYNC));
        importDistricts.addClickListener(event -> start(Name.DISTRICT_IMPORT));
        syncBills.addClickListener(event -> start(Name.BILL_STATUS_SYNC));
        add(new HorizontalLayout(syncRoster, importDistricts, syncBills));

        grid.addColumn(run -> "#" + run.executionId()).setHeader("Run").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(run -> jobWords(run.jobName())).setHeader("Job").setAutoWidth(true);
        grid.addColumn(run -> run.startedAt() == null ? "Waiting" : format.when(run.startedAt()))
            .setHeader("Started (" + format.zone().getId() + ")")
            .setAutoWidth(true);
        grid.addColumn(JobsView::duration).setHeader("Took").setAutoWidth(true);
        grid.addColumn(run -> format.words("BatchStatus", run.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(this::progress).setHeader("Steps").setFlexGrow(2);
        grid.addComponentColumn(this::result).setHeader("Result").setFlexGrow(3);
        grid.setItemsPageable(pageable -> jobs.runs(pageable), pageable -> jobs.countRuns());
        grid.setSizeFull();
        add(grid);
    }

    private void start(Name job) {
        long newestBefore = newestRun(job);
        try {
            jobs.start(job);
        }
        catch (IllegalStateException e) {
            ConsoleUi.error(e.getMessage() == null ? "This job could not be started." : e.getMessage());
            return;
        }
        // The run is created in the background: wait for a run newer than the last one,
        // and announce what it did
        // when it ends, never "started" (nor an older run's result) after a failure.
        starting.put(job, new Starting(newestBefore, Instant.now()));
        Notification
            .show(jobWords(job.jobName()) + " is starting. This page tells you when it ends.", 4000,
                    Notification.Position.BOTTOM_START)
            .addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        checkWatched();
        grid.getDataProvider().refreshAll();
    }

    private long newestRun(Name job) {
        return jobs.runs(PageRequest.of(0, 20))
            .stream()
            .filter(run -> run.jobName().equals(job.jobName()))
            .mapToLong(JobRun::executionId)
            .max()
            .orElse(0);
    }

    private void checkWatched() {
        for (Map.Entry<Name, Starting> entry : List.copyOf(starting.entrySet())) {
            Name job = entry.getKey();
            Starting start = entry.getValue();
            jobs.runs(PageRequest.of(0, 20))
                .stream()
                .filter(run -> run.jobName().equals(job.jobName()) && run.executionId() > start.newestBefore())
                .findFirst()
                .ifPresentOrElse(run -> {
                    starting.remove(job);
                    watching.add(run.executionId());
                }, () -> {
                    if (Duration.between(start.at(), Instant.now()).compareTo(START_TIMEOUT) > 0) {
                        starting.remove(job);
                        ConsoleUi.error(jobWords(job.jobName()) + " did not start. Try again in a minute; if it "
                                + "still does not start, tell whoever runs the platform.");
                    }
                });
        }
        for (Long id : List.copyOf(watching)) {
            jobs.run(id).filter(run -> !run.running()).ifPresent(run -> {
                watching.remove(id);
                announceEnd(run);
            });
        }
    }

    /** A start asked for: the newest run of the job before it, and when. */
    private record Starting(long newestBefore, Instant at) {
    }

    private void announceEnd(JobRun run) {
        if ("COMPLETED".equals(run.status())) {
            ConsoleUi.success(jobWords(run.jobName()) + " finished.");
        }
        else {
            ConsoleUi.error(failureWords(run), run.exitMessage());
        }
    }

    /**
     * What a failed run means for staff, and what to do; the technical reason is behind
     * "Details".
     */
    static String failureWords(JobRun run) {
        String what = jobWords(run.jobName());
        String reason = run.exitMessage().toLowerCase(Locale.ROOT);
        boolean bills = Name.of(run.jobName()).filter(n -> n == Name.BILL_STATUS_SYNC).isPresent();
        String cause = bills && reason.contains("cannot read") ? " could not read the official record of some bills."
                : reason.contains("cannot read") || reason.contains("connect") || reason.contains("timed out")
                        || reason.contains("unknownhost")
                                ? " could not fetch its data from the source."
                                : reason.contains("safety limit") || reason.contains("would remove")
                                        ? " stopped because it would "
                                                + "remove more sitting members than the safety limit allows."
                                        : " failed.";
        String kept = Name.of(run.jobName()).filter(n -> n == Name.BILL_STATUS_SYNC).isPresent()
                ? " Bills whose record could be read were updated; the others keep what they had."
                : " Nothing was changed.";
        return what + cause + kept + " Try again later; if it keeps failing, open Details and send them to whoever "
                + "runs the platform.";
    }

    private Component result(JobRun run) {
        if (run.running()) {
            return new Span("Running…");
        }
        if ("COMPLETED".equals(run.status())) {
            Span done = new Span(run.exitMessage().isBlank() ? "Finished." : run.exitMessage());
            done.getStyle().set("white-space", "normal");
            return done;
        }
        Span words = new Span(failureWords(run));
        words.getStyle().set("white-space", "normal").set("color", "var(--lumo-error-text-color)");
        HorizontalLayout cell = new HorizontalLayout(words);
        if (!run.exitMessage().isBlank()) {
            Button details = new Button("Details",
                    event -> ConsoleUi
                        .details("Why " + jobWords(run.jobName()).toLowerCase(Locale.ROOT) + " failed",
                                failureWords(run), run.exitMessage())
                        .open());
            details.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            cell.add(details);
        }
        return cell;
    }

    /** "Roster sync" for roster-sync. */
    static String jobWords(String jobName) {
        return Name.of(jobName).map(name -> switch (name) {
            case ROSTER_SYNC -> "Roster sync";
            case DISTRICT_IMPORT -> "District import";
            case BILL_STATUS_SYNC -> "Bill status sync";
        }).orElse(jobName);
    }

    /** "Synced bills: completed, read 3, wrote 3 → Reported unreadable bills: failed". */
    String progress(JobRun run) {
        if (run.steps().isEmpty()) {
            return run.running() ? "Starting" : "";
        }
        return run.steps()
            .stream()
            .map(step -> format.words("JobStep", step.name()) + ": " + step.status().toLowerCase(Locale.ROOT)
                    + (step.readCount() > 0 ? ", read " + step.readCount() : "")
                    + (step.status().equals("COMPLETED") ? ", wrote " + step.writeCount() : ""))
            .collect(Collectors.joining(" → "));
    }

    private static String duration(JobRun run) {
        if (run.startedAt() == null) {
            return "";
        }
        Instant end = run.endedAt() == null ? Instant.now() : run.endedAt();
        Duration took = Duration.between(run.startedAt(), end);
        return took.toSeconds() + "." + (took.toMillisPart() / 100) + " s";
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(POLL_MILLIS);
        polling = ui.addPollListener(poll -> {
            grid.getDataProvider().refreshAll();
            checkWatched();
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }

}
