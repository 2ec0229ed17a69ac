package org.advocacy.admin.dashboard.ui;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.advocacy.admin.ui.ConsoleFormat;
import org.advocacy.bills.BillSyncService;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.cwc.CwcDeliveries;
import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorService;
import org.advocacy.stories.StoryService;
import org.advocacy.supporters.ActionType;
import org.advocacy.supporters.SupporterStatistics;
import org.advocacy.supporters.SupporterStatistics.Tally;
import org.advocacy.supporters.SupporterService;
import org.springframework.context.MessageSource;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.QueryParameters;

import jakarta.annotation.security.RolesAllowed;

/**
 * The console's start page: the figures staff check first, each with an honest empty
 * state, then actions over a chosen period as server-drawn SVG charts, each with a table
 * alternative.
 */
@Route("")
@PageTitle("Dashboard · Advocacy console")
@Menu(order = 0, icon = "vaadin:dashboard", title = "Dashboard")
@RolesAllowed({ "ADMIN", "ORGANIZER", "VIEWER" })
class DashboardView extends VerticalLayout {

    private final CampaignService campaigns;

    private final SupporterStatistics statistics;

    private final LegislatorService legislators;

    private final VerticalLayout period = new VerticalLayout();

    DashboardView(CampaignService campaigns, SupporterService supporters, StoryService stories,
            LegislatorService legislators, SupporterStatistics statistics, CwcDeliveries deliveries,
            BillSyncService billSync, MessageSource messages) {
        this.campaigns = campaigns;
        this.statistics = statistics;
        this.legislators = legislators;
        add(new H1("Dashboard"));
        FlexLayout figures = new FlexLayout();
        figures.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        figures.getStyle().set("gap", "var(--lumo-space-m)");
        SupporterStatistics.SignupFigures signups = statistics.signupFigures();
        CwcDeliveries.LetterFigures letters = deliveries.letterFigures(null, null, null);
        figures.add(
                figure("Live campaigns", campaigns.liveCampaigns().size(),
                        "No campaign is live. Publish one to start taking actions."),
                figure("Supporters", supporters.countSupporters(),
                        "No supporters yet. They appear here after their first action or sign-up."),
                figure("Actions taken", supporters.countActions(),
                        "No actions yet. Letters, calls and meeting requests are counted here."),
                figure("Letters delivered to Congress", letters.delivered(),
                        "No letter has been delivered directly yet. "
                                + "With a CWC key configured, letters go straight into the offices that accept them."),
                figure("Letters prepared for supporters to send", letters.prepared(), "No letters prepared yet."),
                figure("Meeting requests to follow up", supporters.countOpenMeetingRequests(),
                        "No meeting requests are waiting."),
                figure("Stories awaiting moderation", stories.countAwaitingModeration(),
                        "No stories are waiting for review."),
                figure("Members of Congress in the roster", legislators.countSitting(),
                        "The roster is empty. Run the roster sync job."),
                confirmation(signups));
        add(figures, new BillChangesPanel(billSync, messages), progress());

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DatePicker from = new DatePicker("From", today.minusDays(29));
        DatePicker to = new DatePicker("To", today);
        from.addValueChangeListener(e -> showPeriod(from.getValue(), to.getValue()));
        to.addValueChangeListener(e -> showPeriod(from.getValue(), to.getValue()));
        HorizontalLayout range = new HorizontalLayout(from, to);
        range.setAlignItems(FlexComponent.Alignment.BASELINE);
        period.setPadding(false);
        add(new H2("Actions in a period (UTC days)"), range, period);
        showPeriod(from.getValue(), to.getValue());
    }

    private void showPeriod(LocalDate from, LocalDate to) {
        period.removeAll();
        if (from == null || to == null || to.isBefore(from)) {
            period.add(new Paragraph("Choose a start date on or before the end date."));
            return;
        }
        if (from.plusYears(2).isBefore(to)) {
            period.add(new Paragraph("Choose a period of at most two years."));
            return;
        }
        List<SupporterStatistics.DailyCount> days = statistics.actionsPerDay(from, to);
        long total = days.stream().mapToLong(SupporterStatistics.DailyCount::count).sum();
        if (total == 0) {
            period.add(new Paragraph("No actions were taken in this period."));
            return;
        }
        List<SvgCharts.Bar> dayBars = days.stream()
            .map(d -> new SvgCharts.Bar(ConsoleFormat.current().day(d.day()), d.count()))
            .toList();
        period.add(new H2("Actions per day"),
                chart(SvgCharts.columns(
                        "Actions per day, " + ConsoleFormat.current().day(from) + " to "
                                + ConsoleFormat.current().day(to) + ": " + total + " in all",
                        dayBars, Math.max(1, dayBars.size() / 6))),
                table("Actions per day as a table", dayBars, "Day"));

        List<SvgCharts.Bar> byType = statistics.actionsByType(from, to)
            .stream()
            .map(t -> new SvgCharts.Bar(typeWords(t.label()), t.count()))
            .toList();
        period.add(new H2("By type"), chart(SvgCharts.rows("Actions by type", byType)),
                table("Actions by type as a table", byType, "Type"));

        List<Tally> byState = statistics.actionsByState(from, to);
        period.add(new H2("By state"),
                chart(SvgCharts.tileMap("Actions by state (tile map)",
                        byState.stream().collect(Collectors.toMap(Tally::label, Tally::count)))),
                table("Actions by state as a table", bars(byState), "State"));

        List<Tally> top = statistics.mostContactedLegislators(from, to, 10);
        Map<String, Legislator> members = legislators.findAll(top.stream().map(Tally::label).toList())
            .stream()
            .collect(Collectors.toMap(Legislator::getBioguideId, Function.identity()));
        Grid<Tally> topGrid = new Grid<>();
        topGrid.addComponentColumn(t -> {
            Legislator member = members.get(t.label());
            String name = member == null ? "A member no longer on the roster" : ConsoleFormat.label(member);
            RouterLink link = new RouterLink(name, ConstituentReportView.class);
            link.setQueryParameters(
                    QueryParameters.simple(Map.of("member", t.label(), "from", from.toString(), "to", to.toString())));
            return link;
        }).setHeader("Member").setFlexGrow(3);
        topGrid.addColumn(Tally::count).setHeader("Actions addressed to them");
        topGrid.setItems(top);
        topGrid.setAllRowsVisible(true);
        period.add(new H2("Members contacted most"),
                new Paragraph("Open a member for their printable constituent report."), topGrid);
    }

    private VerticalLayout progress() {
        VerticalLayout box = new VerticalLayout(new H2("Progress toward goals"));
        box.setPadding(false);
        Map<Long, Long> actions = statistics.actionsPerCampaign();
        List<Campaign> live = campaigns.liveCampaigns();
        if (live.isEmpty()) {
            box.add(new Paragraph("No campaign is live."));
        }
        for (Campaign campaign : live) {
            long done = actions.getOrDefault(campaign.getId(), 0L);
            if (campaign.getGoal() == null) {
                box.add(new Paragraph(campaign.getTitle() + ": " + ConsoleFormat.count(done, "action", "actions")
                        + " (no goal set)"));
                continue;
            }
            ProgressBar bar = new ProgressBar(0, campaign.getGoal(), Math.min(done, campaign.getGoal()));
            String label = campaign.getTitle() + ": " + done + " of " + campaign.getGoal() + " actions ("
                    + String.format(Locale.ROOT, "%.0f", 100.0 * done / campaign.getGoal()) + "%)";
            bar.getElement().setAttribute("aria-label", label);
            box.add(new Span(label), bar);
        }
        return box;
    }

    /**
     * An action type code from the statistics ("MEETING_REQUEST") in words ("Meeting
     * request").
     */
    private static String typeWords(String code) {
        try {
            return ConsoleFormat.current().words(ActionType.valueOf(code));
        }
        catch (IllegalArgumentException unknown) {
            return ConsoleFormat.current().words("ActionType", code);
        }
    }

    private static List<SvgCharts.Bar> bars(List<Tally> tallies) {
        return tallies.stream().map(t -> new SvgCharts.Bar(t.label(), t.count())).toList();
    }

    private static Div chart(String svg) {
        Div wrapper = new Div(new Svg(svg));
        wrapper.setWidthFull();
        return wrapper;
    }

    private static Details table(String summary, List<SvgCharts.Bar> rows, String header) {
        Grid<SvgCharts.Bar> grid = new Grid<>();
        grid.addColumn(SvgCharts.Bar::label).setHeader(header);
        grid.addColumn(SvgCharts.Bar::value).setHeader("Actions");
        grid.setItems(rows);
        grid.setAllRowsVisible(rows.size() <= 40);
        return new Details(summary, grid);
    }

    private static Div confirmation(SupporterStatistics.SignupFigures signups) {
        Div card = card();
        H2 number = new H2(signups.askedForUpdates() == 0 ? "—"
                : String.format(Locale.ROOT, "%.0f%%", 100 * signups.confirmationRate()));
        number.getStyle().set("margin", "0");
        card.add(new Span("Email sign-ups confirmed"), number);
        card.add(muted(signups.askedForUpdates() == 0 ? "Nobody has asked for email updates yet."
                : signups.confirmed() + " of " + signups.askedForUpdates() + " who asked for updates confirmed."));
        return card;
    }

    private static Div figure(String label, long value, String emptyState) {
        Div card = card();
        H2 number = new H2(String.valueOf(value));
        number.getStyle().set("margin", "0");
        card.add(new Span(label), number);
        if (value == 0) {
            card.add(muted(emptyState));
        }
        return card;
    }

    private static Div card() {
        Div card = new Div();
        card.addClassNames("figure-card");
        card.getStyle()
            .set("border", "1px solid var(--lumo-contrast-20pct)")
            .set("border-radius", "var(--lumo-border-radius-l)")
            .set("padding", "var(--lumo-space-m)")
            .set("min-width", "16rem")
            .set("flex", "1 1 16rem");
        return card;
    }

    private static Paragraph muted(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.getStyle()
            .set("color", "var(--lumo-secondary-text-color)")
            .set("font-size", "var(--lumo-font-size-s)");
        return paragraph;
    }

}
