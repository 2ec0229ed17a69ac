package org.advocacy.admin.bills.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.advocacy.admin.ui.ConsoleFormat;
import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.bills.Bill;
import org.advocacy.bills.BillService;
import org.advocacy.bills.LegislatorStance;
import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorService;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.RolesAllowed;

/**
 * Members' stances: by bill (editable) and by member (every bill they have a stance on).
 */
@Route("stances")
@PageTitle("Member stances · Advocacy console")
@Menu(order = 25, icon = "vaadin:scale", title = "Member stances")
@RolesAllowed({ "ADMIN", "ORGANIZER", "VIEWER" })
class StancesView extends VerticalLayout {

    StancesView(BillService bills, LegislatorService legislators, AuthenticationContext authentication) {
        boolean editable = ConsoleUi.canEdit(authentication);
        setMaxWidth("70rem");
        ComboBox<Bill> bill = new ComboBox<>("Bill");
        bill.setItems(bills.list());
        bill.setItemLabelGenerator(b -> b.getDesignation() + " (" + b.getCongress() + "th): " + b.getShortTitle());
        bill.setWidthFull();
        VerticalLayout byBill = new VerticalLayout();
        byBill.setPadding(false);
        byBill.add(ConsoleUi.emptyState("Choose a bill to see and record members' stances on it."));
        bill.addValueChangeListener(event -> {
            byBill.removeAll();
            if (event.getValue() != null) {
                byBill.add(new StanceEditor(bills, legislators, event.getValue().getId(), editable));
            }
        });

        ComboBox<Legislator> member = ConsoleUi.legislatorPicker(legislators, "Member");
        Grid<LegislatorStance> byMember = new Grid<>(LegislatorStance.class, false);
        Map<Long, Bill> billsById = bills.list().stream().collect(Collectors.toMap(Bill::getId, Function.identity()));
        byMember.addColumn(s -> billsById.containsKey(s.getBillId())
                ? billsById.get(s.getBillId()).getDesignation() + " " + billsById.get(s.getBillId()).getShortTitle()
                : String.valueOf(s.getBillId()))
            .setHeader("Bill");
        byMember.addColumn(s -> ConsoleFormat.current().words(s.getStance())).setHeader("Stance");
        byMember.addColumn(s -> ConsoleFormat.current().when(s.getUpdatedAt()))
            .setHeader("Recorded")
            .setAutoWidth(true);
        byMember.setEmptyStateText("No stances recorded for this member.");
        byMember.setAllRowsVisible(true);
        member.addValueChangeListener(event -> byMember
            .setItems(event.getValue() == null ? List.of() : bills.stancesOf(event.getValue().getBioguideId())));

        add(new H1("Member stances"), new H2("By bill"), bill, byBill, new H2("By member"), member, byMember);
    }

}
