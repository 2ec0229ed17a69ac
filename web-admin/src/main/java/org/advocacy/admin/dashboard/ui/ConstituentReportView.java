package org.advocacy.admin.dashboard.ui;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.cwc.CwcDeliveries;
import org.advocacy.legislators.Chamber;
import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorService;
import org.advocacy.supporters.SupporterDirectory;
import org.advocacy.supporters.SupporterDirectory.Tally;
import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
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
 * A printable report for a meeting with a member's office: how many people in the member's
 * district (House) or state (Senate) took which action over a period. Counts only, no names.
 */
@Route("reports/constituents")
@PageTitle("Constituent report · Advocacy console")
@Menu(order = 5, icon = "vaadin:print", title = "Constituent report")
@RolesAllowed({"ADMIN", "ORGANIZER", "VIEWER"})
class ConstituentReportView extends VerticalLayout implements BeforeEnterObserver {

    private final LegislatorService legislators;
    private final SupporterDirectory directory;
    private final CwcDeliveries deliveries;
    private final ComboBox<Legislator> member;
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final VerticalLayout report = new VerticalLayout();

    ConstituentReportView(LegislatorService legislators, SupporterDirectory directory, CwcDeliveries deliveries) {
        this.legislators = legislators;
        this.directory = directory;
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
        List<Tally> tallies = directory.constituentReport(legislator, from.getValue(), to.getValue());
        String area = legislator.getChamber() == Chamber.HOUSE ? "district " + legislator.getSeat()
                : "the state of " + legislator.getState();
        long total = tallies.stream().mapToLong(Tally::count).sum();
        report.add(new H2(legislator.getTitle() + " " + legislator.getDisplayName()),
                new Paragraph("Constituents in " + area + " took " + total + " action" + (total == 1 ? "" : "s")
                        + " between " + from.getValue() + " and " + to.getValue() + "."));
        CwcDeliveries.LetterFigures letters = deliveries.letterFigures(legislator.getBioguideId(), from.getValue(),
                to.getValue());
        report.add(new Paragraph("Letters delivered into the office through Communicating with Congress: "
                + letters.delivered() + (letters.queued() > 0 ? " (" + letters.queued() + " more queued)" : "")
                + (letters.notDelivered() > 0 ? ", " + letters.notDelivered() + " failed or in doubt" : "")
                + ". Letters prepared for constituents to send themselves: " + letters.prepared() + "."));
        if (tallies.isEmpty()) {
            report.add(ConsoleUi.emptyState("No actions by constituents in this period."));
            return;
        }
        Grid<Tally> grid = new Grid<>();
        grid.addColumn(t -> label(t.label())).setHeader("Action");
        grid.addColumn(Tally::count).setHeader("People");
        grid.setItems(tallies);
        grid.setAllRowsVisible(true);
        report.add(grid, new Paragraph("Counts only: no supporter's name or address is included."));
    }

    private static String label(String actionType) {
        return switch (actionType) {
            case "LETTER" -> "Sent a letter";
            case "CALL" -> "Called the office";
            case "MEETING_REQUEST" -> "Asked for a meeting";
            case "SIGNUP" -> "Signed up for updates";
            case "STORY" -> "Shared a story";
            default -> actionType;
        };
    }

    private static java.util.Optional<LocalDate> parse(@Nullable String value) {
        try {
            return value == null ? java.util.Optional.empty() : java.util.Optional.of(LocalDate.parse(value));
        }
        catch (DateTimeParseException invalid) {
            return java.util.Optional.empty();
        }
    }
}
