package org.advocacy.admin.staff.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.advocacy.admin.ui.ConsoleFormat;
import org.advocacy.staff.AuditEvent;
import org.advocacy.staff.AuditLog;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The audit trail, for administrators: who changed what and when, with the state before
 * and after.
 */
@Route("audit")
@PageTitle("Audit log · Advocacy console")
@Menu(order = 91, icon = "vaadin:records", title = "Audit log")
@RolesAllowed("ADMIN")
class AuditLogView extends VerticalLayout {

    static final String ANY = "Any";

    AuditLogView(AuditLog audit, ConsoleFormat format) {
        ZoneId zone = format.zone();
        setSizeFull();
        TextField actor = new TextField("Who");
        actor.setPlaceholder("Email contains…");
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        Select<String> entity = new Select<>();
        entity.setLabel("What");
        entity.setItems(ANY, "Campaign", "ToolkitResource", "Bill", "LegislatorStance", "Story", "Supporter",
                "MeetingRequest", "StaffUser", "Job");
        entity.setItemLabelGenerator(type -> ANY.equals(type) ? ANY : format.words("AuditRecord", type));
        entity.setValue(ANY);
        TextField action = new TextField("Action starts with");
        action.setPlaceholder("e.g. campaign. or supporter.erase");
        action.setValueChangeMode(ValueChangeMode.LAZY);
        DatePicker from = new DatePicker("From");
        DatePicker to = new DatePicker("To");

        Grid<AuditEvent> grid = new Grid<>(AuditEvent.class, false);
        grid.addColumn(e -> format.when(e.getOccurredAt()))
            .setHeader("When (" + format.zoneName() + ")")
            .setAutoWidth(true);
        grid.addColumn(AuditEvent::getActor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(e -> format.words("AuditAction", e.getAction())).setHeader("Action").setAutoWidth(true);
        // Record names come with each page (one look-up per record type), so the column
        // shows names, not ids.
        Map<Long, String> recordNames = new HashMap<>();
        grid.addColumn(e -> recordNames.getOrDefault(e.getId(), "")).setHeader("Record");
        grid.setItemDetailsRenderer(
                new ComponentRenderer<>(e -> AuditChanges.of(e.getBeforeState(), e.getAfterState())));
        grid.setEmptyStateText("No audit entries match these filters.");
        grid.setItemsPageable(pageable -> withNames(audit, recordNames,
                audit.search(actor.getValue(), ANY.equals(entity.getValue()) ? null : entity.getValue(),
                        action.getValue(),
                        from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
                        to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant(),
                        PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                                Sort.by(Sort.Direction.DESC, "occurredAt", "id")))
                    .getContent()));
        Runnable refresh = () -> grid.getDataProvider().refreshAll();
        actor.addValueChangeListener(e -> refresh.run());
        entity.addValueChangeListener(e -> refresh.run());
        action.addValueChangeListener(e -> refresh.run());
        from.addValueChangeListener(e -> refresh.run());
        to.addValueChangeListener(e -> refresh.run());
        to.setMax(LocalDate.now().plusDays(1));
        HorizontalLayout filters = new HorizontalLayout(actor, entity, action, from, to);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H1("Audit log"), filters, grid);
    }

    private static List<AuditEvent> withNames(AuditLog audit, Map<Long, String> names, List<AuditEvent> page) {
        names.putAll(audit.recordNames(page));
        return page;
    }

}
