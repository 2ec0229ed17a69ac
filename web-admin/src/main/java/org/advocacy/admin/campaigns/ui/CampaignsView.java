package org.advocacy.admin.campaigns.ui;

import org.advocacy.admin.ui.ConsoleFormat;

import java.util.Map;

import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.supporters.SupporterStatistics;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.RolesAllowed;

/** Every campaign, drafts included, with its progress toward its goal. */
@Route("campaigns")
@PageTitle("Campaigns · Advocacy console")
@Menu(order = 10, icon = "vaadin:megaphone", title = "Campaigns")
@RolesAllowed({ "ADMIN", "ORGANIZER", "VIEWER" })
class CampaignsView extends VerticalLayout {

    CampaignsView(CampaignService campaigns, SupporterStatistics statistics, AuthenticationContext authentication) {
        setSizeFull();
        add(new H1("Campaigns"));
        if (ConsoleUi.canEdit(authentication)) {
            Button create = new Button("New campaign",
                    event -> getUI().ifPresent(ui -> ui.navigate(CampaignEditorView.class, CampaignEditorView.NEW)));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        Map<Long, Long> actions = statistics.actionsPerCampaign();
        Grid<Campaign> grid = new Grid<>(Campaign.class, false);
        grid.addComponentColumn(c -> new RouterLink(c.getTitle(), CampaignEditorView.class, String.valueOf(c.getId())))
            .setHeader("Title")
            .setSortProperty("title")
            .setFlexGrow(2);
        grid.addColumn(Campaign::getSlug).setHeader("Web address").setSortProperty("slug");
        grid.addColumn(c -> ConsoleFormat.current().words(c.getStatus())).setHeader("Status").setSortProperty("status");
        grid.addColumn(c -> {
            long done = actions.getOrDefault(c.getId(), 0L);
            return c.getGoal() == null ? ConsoleFormat.count(done, "action", "actions")
                    : done + " of " + ConsoleFormat.count(c.getGoal(), "action", "actions");
        }).setHeader("Progress");
        grid.addColumn(c -> ConsoleFormat.current().when(c.getUpdatedAt()))
            .setHeader("Last changed")
            .setSortProperty("updatedAt");
        grid.addComponentColumn(c -> new RouterLink("Embed on partner sites", CampaignEmbedView.class, c.getId()))
            .setHeader("Partner sites");
        grid.setItemsPageable(
                pageable -> campaigns
                    .page(pageable.getSort().isSorted() ? pageable
                            : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("title")))
                    .getContent());
        grid.setEmptyStateText("No campaigns yet. Create one to start.");
        add(grid);
    }

}
