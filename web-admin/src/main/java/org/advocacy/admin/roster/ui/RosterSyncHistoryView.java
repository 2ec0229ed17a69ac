package org.advocacy.admin.roster.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.advocacy.admin.ui.ConsoleFormat;
import org.advocacy.admin.ui.ConsoleUi;

import org.advocacy.legislators.RosterService;
import org.advocacy.legislators.RosterSyncRun;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every roster sync with its change summary: who was added, who left, who changed and
 * which fields.
 */
@Route("roster/history")
@PageTitle("Roster sync history · Advocacy console")
@RolesAllowed({ "ADMIN", "ORGANIZER", "VIEWER" })
class RosterSyncHistoryView extends VerticalLayout {

    final Grid<RosterSyncRun> grid = new Grid<>(RosterSyncRun.class, false);

    RosterSyncHistoryView(RosterService roster, ObjectMapper json, ConsoleFormat format) {
        setSizeFull();
        add(new RouterLink("← Roster", RosterView.class), new H1("Roster sync history"));
        grid.addColumn(run -> format.when(run.getStartedAt()))
            .setHeader("Started (" + format.zone().getId() + ")")
            .setAutoWidth(true);
        grid.addColumn(run -> format.words(run.getStatus())).setHeader("Result").setAutoWidth(true);
        grid.addColumn(RosterSyncRun::getMembersAdded).setHeader("Added");
        grid.addColumn(RosterSyncRun::getMembersLeft).setHeader("Left");
        grid.addColumn(RosterSyncRun::getMembersChanged).setHeader("Changed");
        grid.addColumn(RosterSyncRun::getMembersUnchanged).setHeader("Unchanged");
        grid.addColumn(RosterSyncRun::getRowsWritten).setHeader("Rows written");
        grid.addComponentColumn(RosterSyncHistoryView::problem).setHeader("What went wrong").setFlexGrow(3);
        grid.setItemsPageable(pageable -> roster.history(pageable).getContent(), pageable -> roster.countRuns());
        grid.setItemDetailsRenderer(new ComponentRenderer<>(run -> details(run, json, format::member)));
        grid.setDetailsVisibleOnClick(true);
        grid.setSizeFull();
        add(new Paragraph("Click a run to see what it changed."), grid);
    }

    /**
     * A failed run in plain words with the technical reason one click away; nothing for a
     * good run.
     */
    static HorizontalLayout problem(RosterSyncRun run) {
        HorizontalLayout cell = new HorizontalLayout();
        if (run.getStatus() != RosterSyncRun.Status.FAILED) {
            return cell;
        }
        Span words = new Span(failureWords(run));
        words.getStyle().set("white-space", "normal").set("color", "var(--lumo-error-text-color)");
        cell.add(words);
        if (run.getMessage() != null && !run.getMessage().isBlank()) {
            Button details = new Button("Details",
                    event -> ConsoleUi.details("Why this roster sync failed", failureWords(run), run.getMessage())
                        .open());
            details.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            cell.add(details);
        }
        return cell;
    }

    static String failureWords(RosterSyncRun run) {
        String message = run.getMessage() == null ? "" : run.getMessage().toLowerCase(Locale.ROOT);
        String cause = message.contains("cannot read") || message.contains("connect") || message.contains("timed out")
                ? "The roster source could not be read."
                : message.contains("safety") || message.contains("would remove")
                        ? "The new roster would remove more sitting members than the safety limit allows."
                        : "The roster sync failed.";
        return cause + " Nothing was changed. Try again later from Jobs; if it keeps failing, open Details.";
    }

    static Div details(RosterSyncRun run, ObjectMapper json, Function<String, String> member) {
        Div details = new Div();
        for (String line : describe(run, json, member)) {
            details.add(new Paragraph(line));
        }
        return details;
    }

    /** The change summary as lines of text. */
    static List<String> describe(RosterSyncRun run, ObjectMapper json, Function<String, String> member) {
        List<String> lines = new ArrayList<>();
        if (run.getStatus() == RosterSyncRun.Status.FAILED) {
            lines.add(failureWords(run));
            return lines;
        }
        JsonNode changes = json.readTree(run.getChanges());
        lines.add("Added: " + ids(changes.path("added"), member));
        lines.add("Left office: " + ids(changes.path("left"), member));
        List<String> changed = new ArrayList<>();
        for (var entry : changes.path("changed").properties()) {
            changed.add(entry.getKey() + " (" + ids(entry.getValue(), member) + ")");
        }
        lines.add("Changed: " + (changed.isEmpty() ? "none" : String.join("; ", changed)));
        lines.add("Unchanged: " + run.getMembersUnchanged() + "; district offices written: " + run.getOfficesWritten());
        return lines;
    }

    /** Members by name ("Rep. Robert Aderholt (R, AL-4)"), not by bioguide id. */
    private static String ids(JsonNode array, Function<String, String> member) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(member.apply(node.asString())));
        return values.isEmpty() ? "none" : String.join(", ", values);
    }

}
