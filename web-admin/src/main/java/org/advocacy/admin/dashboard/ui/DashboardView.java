package org.advocacy.admin.dashboard.ui;

import org.advocacy.campaigns.CampaignService;
import org.advocacy.legislators.LegislatorService;
import org.advocacy.stories.StoryService;
import org.advocacy.supporters.SupporterService;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** The console's start page: the figures staff check first, each with an honest empty state. */
@Route("")
@PageTitle("Dashboard · Advocacy console")
@Menu(order = 0, icon = "vaadin:dashboard", title = "Dashboard")
@RolesAllowed({"ADMIN", "ORGANIZER", "VIEWER"})
class DashboardView extends VerticalLayout {

    DashboardView(CampaignService campaigns, SupporterService supporters, StoryService stories,
                  LegislatorService legislators) {
        add(new H1("Dashboard"));
        FlexLayout figures = new FlexLayout();
        figures.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        figures.getStyle().set("gap", "var(--lumo-space-m)");
        figures.add(
                figure("Live campaigns", campaigns.liveCampaigns().size(), "No campaign is live. Publish one to start taking actions."),
                figure("Supporters", supporters.countSupporters(), "No supporters yet. They appear here after their first action or sign-up."),
                figure("Actions taken", supporters.countActions(), "No actions yet. Letters, calls and meeting requests are counted here."),
                figure("Meeting requests to follow up", supporters.countOpenMeetingRequests(), "No meeting requests are waiting."),
                figure("Stories awaiting moderation", stories.countAwaitingModeration(), "No stories are waiting for review."),
                figure("Members of Congress in the roster", legislators.countSitting(), "The roster is empty. Run the roster sync job."));
        add(figures);
    }

    private static Div figure(String label, long value, String emptyState) {
        Div card = new Div();
        card.addClassNames("figure-card");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("min-width", "16rem").set("flex", "1 1 16rem");
        H2 number = new H2(String.valueOf(value));
        number.getStyle().set("margin", "0");
        card.add(new Span(label), number);
        if (value == 0) {
            Paragraph empty = new Paragraph(emptyState);
            empty.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            card.add(empty);
        }
        return card;
    }
}
