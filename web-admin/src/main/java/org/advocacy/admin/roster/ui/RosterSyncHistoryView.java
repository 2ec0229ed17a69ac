package org.advocacy.admin.roster.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.advocacy.legislators.RosterService;
import org.advocacy.legislators.RosterSyncRun;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Every roster sync with its change summary: who was added, who left, who changed and which fields. */
@Route("roster/history")
@PageTitle("Roster sync history · Advocacy console")
@RolesAllowed({"ADMIN", "ORGANIZER", "VIEWER"})
class RosterSyncHistoryView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    final Grid<RosterSyncRun> grid = new Grid<>(RosterSyncRun.class, false);

    RosterSyncHistoryView(RosterService roster, ObjectMapper json) {
        setSizeFull();
        add(new RouterLink("← Roster", RosterView.class), new H1("Roster sync history"));
        grid.addColumn(run -> TIME.format(run.getStartedAt())).setHeader("Started");
        grid.addColumn(RosterSyncRun::getStatus).setHeader("Result");
        grid.addColumn(RosterSyncRun::getMembersAdded).setHeader("Added");
        grid.addColumn(RosterSyncRun::getMembersLeft).setHeader("Left");
        grid.addColumn(RosterSyncRun::getMembersChanged).setHeader("Changed");
        grid.addColumn(RosterSyncRun::getMembersUnchanged).setHeader("Unchanged");
        grid.addColumn(RosterSyncRun::getRowsWritten).setHeader("Rows written");
        grid.setItemsPageable(pageable -> roster.history(pageable).getContent(), pageable -> roster.countRuns());
        grid.setItemDetailsRenderer(new ComponentRenderer<>(run -> details(run, json)));
        grid.setDetailsVisibleOnClick(true);
        grid.setSizeFull();
        add(new Paragraph("Click a run to see what it changed."), grid);
    }

    static Div details(RosterSyncRun run, ObjectMapper json) {
        Div details = new Div();
        for (String line : describe(run, json)) {
            details.add(new Paragraph(line));
        }
        return details;
    }

    /** The change summary as lines of text. */
    static List<String> describe(RosterSyncRun run, ObjectMapper json) {
        List<String> lines = new ArrayList<>();
        if (run.getStatus() == RosterSyncRun.Status.FAILED) {
            lines.add("Failed, nothing was changed: " + run.getMessage());
            return lines;
        }
        JsonNode changes = json.readTree(run.getChanges());
        lines.add("Added: " + ids(changes.path("added")));
        lines.add("Left office: " + ids(changes.path("left")));
        List<String> changed = new ArrayList<>();
        for (var entry : changes.path("changed").properties()) {
            changed.add(entry.getKey() + " (" + ids(entry.getValue()) + ")");
        }
        lines.add("Changed: " + (changed.isEmpty() ? "none" : String.join("; ", changed)));
        lines.add("Unchanged: " + run.getMembersUnchanged() + "; district offices written: " + run.getOfficesWritten());
        return lines;
    }

    private static String ids(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values.isEmpty() ? "none" : String.join(", ", values);
    }
}
