package org.advocacy.admin.jobs.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import org.advocacy.legislators.RosterJobs;
import org.advocacy.legislators.RosterJobs.JobRun;
import org.advocacy.legislators.RosterJobs.Name;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * Start the roster sync, the district import or the bill status sync and watch them: the grid refreshes every two
 * seconds while the view is open (polling works with the pre-built frontend bundle), showing each
 * step's progress and, at the end, the summary or the reason it failed.
 */
@Route("jobs")
@PageTitle("Jobs · Advocacy console")
@Menu(order = 90, icon = "vaadin:cogs", title = "Jobs")
@RolesAllowed("ADMIN")
class JobsView extends VerticalLayout {

    static final int POLL_MILLIS = 2000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    final Button syncRoster = new Button("Run roster sync");
    final Button importDistricts = new Button("Run district import");
    final Button syncBills = new Button("Run bill status sync");
    final Grid<JobRun> grid = new Grid<>();
    private final RosterJobs jobs;
    private com.vaadin.flow.shared.@org.jspecify.annotations.Nullable Registration polling;

    JobsView(RosterJobs jobs) {
        this.jobs = jobs;
        setSizeFull();
        add(new H1("Jobs"), new Paragraph("roster-sync runs nightly, district-import monthly and bill-status-sync "
                + "every four hours, on one instance at a time. Start any of them now; a run that would remove more "
                + "than the safety limit of sitting members fails and changes nothing, and a bill whose official "
                + "record cannot be read keeps what it had while the other bills are updated."));
        syncRoster.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        syncRoster.addClickListener(event -> start(Name.ROSTER_SYNC));
        importDistricts.addClickListener(event -> start(Name.DISTRICT_IMPORT));
        syncBills.addClickListener(event -> start(Name.BILL_STATUS_SYNC));
        add(new HorizontalLayout(syncRoster, importDistricts, syncBills));

        grid.addColumn(JobRun::executionId).setHeader("Run").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(JobRun::jobName).setHeader("Job").setAutoWidth(true);
        grid.addColumn(run -> run.startedAt() == null ? "waiting" : TIME.format(run.startedAt()) + " UTC").setHeader("Started");
        grid.addColumn(JobsView::duration).setHeader("Took").setAutoWidth(true);
        grid.addColumn(JobRun::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(JobsView::progress).setHeader("Steps").setFlexGrow(2);
        grid.addColumn(JobRun::exitMessage).setHeader("Result").setFlexGrow(3);
        grid.setItemsPageable(pageable -> jobs.runs(pageable), pageable -> jobs.countRuns());
        grid.setSizeFull();
        add(grid);
    }

    private void start(Name job) {
        try {
            jobs.start(job);
            Notification.show(job.jobName() + " started", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
        catch (IllegalStateException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        grid.getDataProvider().refreshAll();
    }

    static String progress(JobRun run) {
        if (run.steps().isEmpty()) {
            return run.running() ? "starting" : "";
        }
        return run.steps().stream()
                .map(step -> step.name() + " " + step.status().toLowerCase(java.util.Locale.ROOT)
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
        polling = ui.addPollListener(poll -> grid.getDataProvider().refreshAll());
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
