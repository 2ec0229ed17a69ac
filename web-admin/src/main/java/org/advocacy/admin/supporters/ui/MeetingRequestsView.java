package org.advocacy.admin.supporters.ui;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.advocacy.admin.ui.ConsoleFormat;
import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.supporters.MeetingRequest;
import org.advocacy.supporters.MeetingRequestQueue;
import org.advocacy.supporters.MeetingStatus;
import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.RolesAllowed;

/** Meeting requests to follow up: status, notes and a follow-up date. Times are UTC. */
@Route("meetings")
@PageTitle("Meeting requests · Advocacy console")
@Menu(order = 45, icon = "vaadin:calendar-user", title = "Meeting requests")
@RolesAllowed({ "ADMIN", "ORGANIZER", "VIEWER" })
class MeetingRequestsView extends VerticalLayout implements BeforeEnterObserver {

    static final String ALL = "ALL";

    private final MeetingRequestQueue queue;

    private final boolean editable;

    private final Grid<MeetingRequest> grid = new Grid<>(MeetingRequest.class, false);

    private final Select<String> status = new Select<>();

    private final VerticalLayout detail = new VerticalLayout();

    MeetingRequestsView(MeetingRequestQueue queue, AuthenticationContext authentication) {
        this.queue = queue;
        this.editable = ConsoleUi.canEdit(authentication);
        setWidthFull();
        status.setLabel("Show");
        status.setItems(ALL, MeetingStatus.REQUESTED.name(), MeetingStatus.SCHEDULED.name(), MeetingStatus.HELD.name(),
                MeetingStatus.DECLINED.name());
        status.setValue(MeetingStatus.REQUESTED.name());
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        grid.addColumn(m -> ConsoleFormat.current().when(m.getCreatedAt())).setHeader("Requested").setAutoWidth(true);
        grid.addColumn(m -> m.getName() == null ? "(erased)" : m.getName()).setHeader("Requester");
        grid.addColumn(m -> ConsoleFormat.current().member(m.getBioguideId())).setHeader("Member").setFlexGrow(2);
        grid.addColumn(m -> ConsoleFormat.current().words(m.getStatus())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(m -> ConsoleFormat.current().day(m.getFollowUpOn()))
            .setHeader("Follow up on")
            .setAutoWidth(true);
        grid.addColumn(MeetingRequest::getTopic).setHeader("Topic").setFlexGrow(2);
        grid.setItems(query -> queue.queue(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) queue.count(filter()));
        grid.setEmptyStateText("No meeting requests with this status.");
        grid.setHeight("22rem");
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        add(new H1("Meeting requests"), status, grid, detail);
    }

    /** {@code ?id=<id>} opens one record directly (see {@link ConsoleUi#requestedId}). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ConsoleUi.requestedId(event).flatMap(queue::find).ifPresent(this::show);
    }

    private @Nullable MeetingStatus filter() {
        return ALL.equals(status.getValue()) || status.getValue() == null ? null
                : MeetingStatus.valueOf(status.getValue());
    }

    private void show(@Nullable MeetingRequest request) {
        detail.removeAll();
        if (request == null) {
            return;
        }
        detail.add(new H2("Request from " + (request.getName() == null ? "an erased supporter" : request.getName())),
                new Paragraph("Email: " + (request.getEmail() == null ? "—" : request.getEmail()) + " · Phone: "
                        + (request.getPhone() == null ? "—" : request.getPhone())),
                new Paragraph("Preferred dates: " + request.getPreferredDates()),
                new Paragraph("Organisation: " + (request.getOrganisation() == null ? "—" : request.getOrganisation())),
                new Paragraph("Topic: " + request.getTopic()));
        Select<MeetingStatus> newStatus = new Select<>();
        newStatus.setLabel("Status");
        newStatus.setItems(MeetingStatus.values());
        newStatus.setValue(request.getStatus());
        DateTimePicker scheduled = new DateTimePicker("Scheduled for (UTC)");
        if (request.getScheduledFor() != null) {
            scheduled.setValue(LocalDateTime.ofInstant(request.getScheduledFor(), ZoneOffset.UTC));
        }
        DatePicker followUp = new DatePicker("Follow up on");
        followUp.setValue(request.getFollowUpOn());
        TextArea notes = new TextArea("Notes");
        notes.setValue(request.getNotes() == null ? "" : request.getNotes());
        notes.setWidthFull();
        boolean readOnly = !editable;
        newStatus.setReadOnly(readOnly);
        scheduled.setReadOnly(readOnly);
        followUp.setReadOnly(readOnly);
        notes.setReadOnly(readOnly);
        detail.add(new FormLayout(newStatus, scheduled, followUp), notes);
        if (editable) {
            Button save = new Button("Save follow-up", e -> {
                if (ConsoleUi.attempt(() -> queue.followUp(request.getId(), newStatus.getValue(),
                        scheduled.getValue() == null ? null : scheduled.getValue().toInstant(ZoneOffset.UTC),
                        notes.getValue(), followUp.getValue()))) {
                    ConsoleUi.success("Saved.");
                    grid.getDataProvider().refreshAll();
                }
            });
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            detail.add(save);
        }
    }

}
