package org.advocacy.admin.supporters.ui;

import java.nio.charset.StandardCharsets;

import org.advocacy.admin.ui.ConsoleFormat;
import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.supporters.MeetingRequest;
import org.advocacy.supporters.Supporter;
import org.advocacy.supporters.SupporterAction;
import org.advocacy.supporters.SupporterErasure;
import org.advocacy.supporters.SupporterExport;
import org.advocacy.supporters.SupporterSearch;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.RolesAllowed;

/**
 * One supporter: details, history of actions and meeting requests, and privacy requests
 * (export, erase).
 */
@Route("supporters/view")
@PageTitle("Supporter · Advocacy console")
@RolesAllowed({ "ADMIN", "ORGANIZER", "VIEWER" })
class SupporterView extends VerticalLayout implements HasUrlParameter<Long> {

    private final SupporterSearch search;

    private final SupporterExport export;

    private final SupporterErasure erasure;

    private final boolean mayHandlePersonalData;

    SupporterView(SupporterSearch search, SupporterExport export, SupporterErasure erasure,
            AuthenticationContext authentication) {
        this.search = search;
        this.export = export;
        this.erasure = erasure;
        this.mayHandlePersonalData = authentication.hasAnyRole("ADMIN", "ORGANIZER");
        setMaxWidth("70rem");
    }

    @Override
    public void setParameter(BeforeEvent event, Long supporterId) {
        removeAll();
        Supporter supporter = search.find(supporterId).orElse(null);
        if (supporter == null) {
            add(new H1("Supporter not found"), new Paragraph("This supporter does not exist or was erased."));
            return;
        }
        add(new H1(supporter.getName()), new Paragraph("Email: " + supporter.getEmail()),
                new Paragraph(
                        "ZIP: " + (supporter.getZip() == null ? "unknown" : supporter.getZip()) + " · Seat: "
                                + (supporter.getState() == null ? "unknown" : supporter.getState()
                                        + (supporter.getDistrict() == null ? "" : "-" + supporter.getDistrict()))),
                new Paragraph("Email consent: " + SupporterSearch.consentOf(supporter) + " · Joined "
                        + supporter.getCreatedAt()));
        if (supporter.isUnconfirmedVisit()) {
            // Another supporter holds this address; this visit has not been confirmed by
            // them.
            add(new Paragraph("Unconfirmed visit: this visit gave the email address of an existing supporter, who has"
                    + " not confirmed it was them. Its details and actions are kept apart from theirs, and we send"
                    + " nothing to the address on its behalf."));
        }

        Grid<SupporterAction> actions = new Grid<>(SupporterAction.class, false);
        actions.addColumn(a -> ConsoleFormat.current().when(a.getOccurredAt())).setHeader("When").setAutoWidth(true);
        actions.addColumn(a -> ConsoleFormat.current().words(a.getType())).setHeader("Action");
        actions.addColumn(a -> ConsoleFormat.current().member(a.getBioguideId())).setHeader("Member");
        actions.addColumn(a -> ConsoleFormat.current().words(a.getDeliveryMethod())).setHeader("How");
        actions.addColumn(a -> ConsoleFormat.current().words(a.getOutcome())).setHeader("Outcome");
        actions.addColumn(a -> ConsoleFormat.current().campaign(a.getCampaignId())).setHeader("Campaign");
        actions.setItems(search.actions(supporterId));
        actions.setEmptyStateText("No actions recorded.");
        actions.setAllRowsVisible(true);

        Grid<MeetingRequest> meetings = new Grid<>(MeetingRequest.class, false);
        meetings.addColumn(m -> ConsoleFormat.current().when(m.getCreatedAt()))
            .setHeader("Requested")
            .setAutoWidth(true);
        meetings.addColumn(m -> ConsoleFormat.current().member(m.getBioguideId())).setHeader("Member");
        meetings.addColumn(m -> ConsoleFormat.current().words(m.getStatus())).setHeader("Status");
        meetings.addColumn(MeetingRequest::getTopic).setHeader("Topic");
        meetings.setItems(search.meetingRequests(supporterId));
        meetings.setEmptyStateText("No meeting requests.");
        meetings.setAllRowsVisible(true);
        add(new H2("Actions"), actions, new H2("Meeting requests"), meetings);

        if (mayHandlePersonalData) {
            DownloadHandler json = download -> {
                download.setFileName("supporter-" + supporterId + ".json");
                download.setContentType("application/json");
                download.getOutputStream().write(export.exportOne(supporterId).getBytes(StandardCharsets.UTF_8));
            };
            Anchor download = new Anchor(json, AttachmentType.DOWNLOAD, "Export everything we hold (JSON)");
            download.setId("export-supporter");
            Button erase = new Button("Erase this supporter", e -> ConsoleUi.confirm(
                    "Erase " + supporter.getName() + "?",
                    "Their name, email and ZIP are deleted for good, and their meeting requests lose their contact "
                            + "details. Their actions still count, without any link to them. This cannot be undone.",
                    "Erase", () -> {
                        if (ConsoleUi.attempt(() -> erasure.erase(supporterId))) {
                            ConsoleUi.success("Supporter erased.");
                            getUI().ifPresent(ui -> ui.navigate(SupportersView.class));
                        }
                    }));
            erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(new H2("Privacy requests"), new HorizontalLayout(download, erase));
        }
    }

}
