package org.advocacy.admin.bills.ui;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.advocacy.admin.ui.ConsoleFormat;
import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.bills.BillService;
import org.advocacy.bills.LegislatorStance;
import org.advocacy.bills.Stance;
import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorService;
import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

/**
 * Members' stances on one bill: list, record or change, and clear (with confirmation).
 */
class StanceEditor extends VerticalLayout {

    private final BillService bills;

    private final LegislatorService legislators;

    private final long billId;

    private final Grid<LegislatorStance> grid = new Grid<>(LegislatorStance.class, false);

    private Map<String, Legislator> names = Map.of();

    StanceEditor(BillService bills, LegislatorService legislators, long billId, boolean editable) {
        this.bills = bills;
        this.legislators = legislators;
        this.billId = billId;
        setPadding(false);
        grid.addColumn(s -> names.containsKey(s.getBioguideId()) ? ConsoleUi.label(names.get(s.getBioguideId()))
                : s.getBioguideId())
            .setHeader("Member")
            .setFlexGrow(2);
        grid.addColumn(s -> ConsoleFormat.current().words(s.getStance())).setHeader("Stance");
        grid.addColumn(s -> ConsoleFormat.current().when(s.getUpdatedAt())).setHeader("Recorded").setAutoWidth(true);
        if (editable) {
            grid.addComponentColumn(s -> {
                Button clear = new Button("Clear",
                        e -> ConsoleUi.confirm("Clear this stance?",
                                "The member's stance on this bill will be unknown again.", "Clear",
                                () -> change(s.getBioguideId(), null)));
                clear.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                return clear;
            }).setHeader("Actions").setAutoWidth(true);
        }
        grid.setEmptyStateText("No stances recorded for this bill yet.");
        grid.setAllRowsVisible(true);
        add(grid);
        if (editable) {
            ComboBox<Legislator> member = ConsoleUi.legislatorPicker(legislators, "Member");
            Select<Stance> stance = new Select<>();
            stance.setLabel("Stance");
            stance.setItems(Stance.values());
            Button record = new Button("Record stance", e -> {
                if (member.getValue() == null || stance.getValue() == null) {
                    ConsoleUi.error("Pick a member and a stance.");
                    return;
                }
                change(member.getValue().getBioguideId(), stance.getValue());
                member.clear();
            });
            record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout form = new HorizontalLayout(member, stance, record);
            form.setAlignItems(FlexComponent.Alignment.BASELINE);
            form.setWidthFull();
            add(form);
        }
        refresh();
    }

    private void change(String bioguideId, @Nullable Stance stance) {
        if (ConsoleUi.attempt(() -> bills.setStance(billId, bioguideId, stance))) {
            ConsoleUi.success(stance == null ? "Stance cleared." : "Stance recorded.");
            refresh();
        }
    }

    private void refresh() {
        var stances = bills.stances(billId);
        names = legislators.findAll(stances.stream().map(LegislatorStance::getBioguideId).toList())
            .stream()
            .collect(Collectors.toMap(Legislator::getBioguideId, Function.identity()));
        grid.setItems(stances);
    }

}
