package org.advocacy.admin.supporters.ui;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.advocacy.admin.ui.ConsoleFormat;
import org.advocacy.campaigns.Campaign;
import org.advocacy.campaigns.CampaignService;
import org.advocacy.legislators.LegislatorService;
import org.advocacy.legislators.UsState;
import org.advocacy.supporters.ActionType;
import org.advocacy.supporters.Supporter;
import org.advocacy.supporters.SupporterExport;
import org.advocacy.supporters.SupporterSearch;
import org.advocacy.supporters.SupporterSearch.ConsentState;
import org.advocacy.supporters.SupporterSearch.Filter;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.RolesAllowed;

/**
 * Supporters, searchable and filterable; ADMIN and ORGANIZER may export the filtered list
 * as CSV.
 */
@Route("supporters")
@PageTitle("Supporters · Advocacy console")
@Menu(order = 40, icon = "vaadin:group", title = "Supporters")
@RolesAllowed({ "ADMIN", "ORGANIZER", "VIEWER" })
class SupportersView extends VerticalLayout {

    private final Grid<Supporter> grid = new Grid<>(Supporter.class, false);

    private final Span total = new Span();

    private volatile Filter filter = Filter.NONE;

    SupportersView(SupporterSearch search, SupporterExport export, CampaignService campaigns,
            LegislatorService legislators, AuthenticationContext authentication) {
        setSizeFull();
        TextField text = new TextField("Search");
        text.setPlaceholder("Name, email or ZIP");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        ComboBox<Campaign> campaign = new ComboBox<>("Campaign");
        campaign.setItems(campaigns.list());
        campaign.setItemLabelGenerator(Campaign::getTitle);
        campaign.setClearButtonVisible(true);
        ComboBox<UsState> state = new ComboBox<>("State");
        state.setItems(legislators.states());
        state.setItemLabelGenerator(s -> s.getCode() + " " + s.getName());
        state.setClearButtonVisible(true);
        IntegerField district = new IntegerField("District");
        district.setMin(0);
        district.setMax(60);
        district.setClearButtonVisible(true);
        ComboBox<ActionType> action = new ComboBox<>("Took action");
        action.setItems(ActionType.values());
        action.setClearButtonVisible(true);
        ComboBox<ConsentState> consent = new ComboBox<>("Email consent");
        consent.setItems(ConsentState.values());
        consent.setClearButtonVisible(true);

        Runnable apply = () -> {
            filter = new Filter(text.getValue(), campaign.getValue() == null ? null : campaign.getValue().getId(),
                    state.getValue() == null ? null : state.getValue().getCode(), district.getValue(),
                    action.getValue(), consent.getValue());
            grid.getDataProvider().refreshAll();
            total.setText(ConsoleFormat.count(search.count(filter), "supporter matches", "supporters match"));
        };
        text.addValueChangeListener(e -> apply.run());
        campaign.addValueChangeListener(e -> apply.run());
        state.addValueChangeListener(e -> apply.run());
        district.addValueChangeListener(e -> apply.run());
        action.addValueChangeListener(e -> apply.run());
        consent.addValueChangeListener(e -> apply.run());

        grid.addComponentColumn(s -> new RouterLink(s.getName(), SupporterView.class, s.getId()))
            .setHeader("Name")
            .setFlexGrow(2);
        grid.addColumn(Supporter::getEmail).setHeader("Email").setFlexGrow(2);
        grid.addColumn(s -> ConsoleFormat.seat(s.getState(), s.getDistrict())).setHeader("Seat").setAutoWidth(true);
        grid.addColumn(s -> ConsoleFormat.current().words(SupporterSearch.consentOf(s)))
            .setHeader("Email consent")
            .setAutoWidth(true);
        grid.addColumn(s -> ConsoleFormat.current().when(s.getCreatedAt())).setHeader("Joined").setAutoWidth(true);
        grid.setItems(query -> search.search(filter, query.getOffset(), query.getLimit()).stream(),
                query -> (int) search.count(filter));
        grid.setEmptyStateText("No supporters match. Supporters appear after their first action or sign-up.");

        HorizontalLayout filters = new HorizontalLayout(text, campaign, state, district, action, consent);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        HorizontalLayout bar = new HorizontalLayout(total);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        if (authentication.hasAnyRole("ADMIN", "ORGANIZER")) {
            DownloadHandler csv = event -> {
                event.setFileName("supporters-" + LocalDate.now() + ".csv");
                event.setContentType("text/csv; charset=UTF-8");
                try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                    export.exportCsv(filter, out);
                }
            };
            Anchor download = new Anchor(csv, AttachmentType.DOWNLOAD, "Export these supporters as CSV");
            download.setId("export-csv");
            bar.add(download, new Span("Exports are recorded in the audit log."));
        }
        total.setText(ConsoleFormat.count(search.count(filter), "supporter matches", "supporters match"));
        add(new H1("Supporters"), filters, bar, grid);
    }

}
