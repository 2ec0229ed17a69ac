package org.advocacy.admin.dashboard.ui;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.cwc.CwcDeliveries;
import org.advocacy.legislators.Chamber;
import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorService;
import org.advocacy.legislators.UsState;
import org.advocacy.supporters.ActionType;
import org.advocacy.supporters.ConstituentReports;
import org.advocacy.supporters.ConstituentReports.ConstituentReport;
import org.advocacy.supporters.ConstituentReports.Line;
import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * A printable report for a meeting with a member's office: the actions aimed at that
 * member by people in their district (House) or state (Senate) over a period, and how
 * many people took them, by kind. Counts only, no names.
 */
@Route("reports/constituents")
@PageTitle("Constituent report · Advocacy console")
@Menu(order = 5, icon = "vaadin:print", title = "Constituent report")
@RolesAllowed({ "ADMIN", "ORGANIZER", "VIEWER" })
class ConstituentReportView extends VerticalLayout implements BeforeEnterObserver {

    private final LegislatorService legislators;

    private final ConstituentReports reports;

    private final CwcDeliveries deliveries;

    private final ComboBox<Legislator> member;

    private final DatePicker from = new DatePicker("From");

    private final DatePicker to = new DatePicker("To");

    private final VerticalLayout report = new VerticalLayout();

    ConstituentReportView(LegislatorService legislators, ConstituentReports reports, CwcDeliveries deliveries) {
        this.legislators = legislators;
        this.reports = reports;
        this.deliveries = deliveries;
        this.member = ConsoleUi.legislatorPicker(legislators, "Member of Congress");
        setMaxWidth("60rem");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        from.setValue(today.minusDays(89));
        to.setValue(today);
        member.addValueChangeListener(e -> render());
        from.addValueChangeListener(e -> render());
        to.addValueChangeListener(e -> render());
        Button print = new Button("Print", e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        HorizontalLayout controls = new HorizontalLayout(member, from, to, print);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.setWidthFull();
        controls.addClassName("no-print");
        controls.getElement().setAttribute("data-print", "hide");
        report.setPadding(false);
        add(new H1("Constituent report"), controls, report);
        render();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        parameters.getSingleParameter("member").flatMap(legislators::find).ifPresent(member::setValue);
        parse(parameters.getSingleParameter("from").orElse(null)).ifPresent(from::setValue);
        parse(parameters.getSingleParameter("to").orElse(null)).ifPresent(to::setValue);
    }

    private void render() {
        report.removeAll();
        Legislator legislator = member.getValue();
        if (legislator == null) {
            report.add(ConsoleUi.emptyState("Choose a member of Congress."));
            return;
        }
        if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
            report.add(ConsoleUi.emptyState("Choose a start date on or before the end date."));
            return;
        }
        String name = legislator.getTitle() + " " + legislator.getDisplayName();
        String state = legislators.state(legislator.getState()).map(UsState::getName).orElse(legislator.getState());
        String area = legislator.getChamber() == Chamber.HOUSE && legislator.getDistrict() != null
                ? (legislator.getDistrict() == 0 ? state + " (at large)"
                        : state + "'s district " + legislator.getDistrict())
                : state;
        ConstituentReport figures = reports.constituentReport(legislator, from.getValue(), to.getValue());
        Paragraph how = new Paragraph("Actions aimed at " + name + " by people in " + area + ", "
                + ConsoleUi.day(from.getValue()) + " to " + ConsoleUi.day(to.getValue())
                + ". Each letter, call or meeting request to this office counts once under Actions; "
                + "a person who wrote twice counts once under People.");
        how.setId("report-how");
        Paragraph summary = new Paragraph(figures.actions() == 0 ? "No actions by constituents in this period."
                : plural(figures.actions(), "action") + " by " + plural(figures.people(), "person", "people") + ".");
        summary.setId("report-summary");
        report.add(new H2(ConsoleUi.label(legislator)), how, summary, table(figures));
        Line letters = figures.line(ActionType.LETTER);
        CwcDeliveries.LetterFigures cwc = deliveries.letterFigures(legislator.getBioguideId(), from.getValue(),
                to.getValue());
        Paragraph split = new Paragraph(
                "Letters: " + letters.throughCwc() + " sent into the office through Communicating with Congress ("
                        + cwc.delivered() + " delivered" + (cwc.queued() > 0 ? ", " + cwc.queued() + " queued" : "")
                        + (cwc.notDelivered() > 0 ? ", " + cwc.notDelivered() + " failed or in doubt" : "") + "); "
                        + letters.prepared() + " prepared for constituents to send themselves.");
        split.setId("report-letters");
        report.add(split);
        if (figures.actionsByErasedPeople() > 0) {
            report.add(new Paragraph(plural(figures.actionsByErasedPeople(), "action") + " by people who have since "
                    + "asked to be erased count under Actions but not under People."));
        }
        report.add(new Paragraph("Counts only: no supporter's name or address is included."));
    }

    private static NativeTable table(ConstituentReport figures) {
        NativeTable table = new NativeTable();
        table.setId("report-figures");
        table.setCaptionText("Actions and people by kind of action");
        NativeTableRow head = table.getHead().addRow();
        head.addHeaderCell().setText("Action");
        head.addHeaderCell().setText("Actions");
        head.addHeaderCell().setText("People");
        for (Line line : figures.lines()) {
            row(table, line.type().name(), label(line.type()), line.actions(), line.people());
        }
        NativeTableRow total = table.getFoot().addRow();
        total.setId("row-TOTAL");
        total.addHeaderCell().setText("All actions");
        total.addDataCell().setText(String.valueOf(figures.actions()));
        total.addDataCell().setText(String.valueOf(figures.people()));
        return table;
    }

    private static void row(NativeTable table, String id, String label, long actions, long people) {
        NativeTableRow row = table.getBody().addRow();
        row.setId("row-" + id);
        row.addHeaderCell().setText(label);
        row.addDataCell().setText(String.valueOf(actions));
        row.addDataCell().setText(String.valueOf(people));
    }

    private static String label(ActionType type) {
        return switch (type) {
            case LETTER -> "Letters";
            case CALL -> "Calls to the office";
            case MEETING_REQUEST -> "Meeting requests";
            case SIGNUP -> "Sign-ups";
            case STORY -> "Stories";
        };
    }

    private static String plural(long count, String one) {
        return plural(count, one, one + "s");
    }

    private static String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    private static Optional<LocalDate> parse(@Nullable String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(LocalDate.parse(value));
        }
        catch (DateTimeParseException invalid) {
            return Optional.empty();
        }
    }

}
