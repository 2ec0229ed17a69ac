package org.advocacy.admin.bills.ui;

import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.bills.Bill;
import org.advocacy.bills.BillService;
import org.advocacy.bills.BillStatusSource;
import org.advocacy.bills.BillSyncService;
import org.advocacy.bills.BillType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.RolesAllowed;

/** Bills the campaigns follow, with their current stage. */
@Route("bills")
@PageTitle("Bills · Advocacy console")
@Menu(order = 20, icon = "vaadin:file-text-o", title = "Bills")
@RolesAllowed({ "ADMIN", "ORGANIZER", "VIEWER" })
class BillsView extends VerticalLayout {

    private final BillService bills;

    private final MessageSource messages;

    /**
     * The Bill Status source comes from the batch module; without it (this module's own
     * tests) bills are added by hand.
     */
    BillsView(BillService bills, ObjectProvider<BillStatusSource> sources, BillSyncService sync, MessageSource messages,
            AuthenticationContext authentication) {
        this.bills = bills;
        this.messages = messages;
        setSizeFull();
        add(new H1("Bills"));
        if (ConsoleUi.canEdit(authentication)) {
            HorizontalLayout actions = new HorizontalLayout();
            BillStatusSource source = sources.getIfAvailable();
            if (source != null) {
                Button track = new Button("Track a bill",
                        event -> new TrackBillDialog(source, sync, messages,
                                bill -> getUI().ifPresent(ui -> ui.navigate(BillEditorView.class, bill.getId())))
                            .open());
                track.setId("track-bill");
                track.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                actions.add(track);
            }
            actions.add(new Button("New bill", event -> openCreateDialog()));
            add(actions);
        }
        Grid<Bill> grid = new Grid<>(Bill.class, false);
        grid.addComponentColumn(b -> new RouterLink(b.getDesignation(), BillEditorView.class, b.getId()))
            .setHeader("Number")
            .setAutoWidth(true);
        grid.addColumn(Bill::getCongress).setHeader("Congress").setSortProperty("congress").setAutoWidth(true);
        grid.addColumn(Bill::getShortTitle).setHeader("Short title").setSortProperty("shortTitle").setFlexGrow(2);
        grid.addColumn(b -> ConsoleUi.stage(messages, b.getStage())).setHeader("Stage").setSortProperty("stage");
        grid.addColumn(b -> b.getPublicLaw() == null ? "" : b.getPublicLaw()).setHeader("Public law");
        grid.setItemsPageable(
                pageable -> bills
                    .page(pageable.getSort().isSorted() ? pageable
                            : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                                    Sort.by(Sort.Direction.DESC, "congress").and(Sort.by("type", "number"))))
                    .getContent());
        grid.setEmptyStateText("No bills yet. Add the bill your campaign is about.");
        add(grid);
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog("New bill");
        IntegerField congress = new IntegerField("Congress");
        congress.setValue(119);
        Select<BillType> type = new Select<>();
        type.setLabel("Type");
        type.setItems(BillType.values());
        type.setItemLabelGenerator(BillType::abbreviation);
        type.setValue(BillType.HR);
        IntegerField number = new IntegerField("Number");
        TextField title = new TextField("Short title");
        Button save = new Button("Create", event -> {
            if (congress.getValue() == null || number.getValue() == null || type.getValue() == null) {
                ConsoleUi.error("Enter the Congress, the type and the number.");
                return;
            }
            Bill[] created = new Bill[1];
            if (ConsoleUi.attempt(() -> created[0] = bills.create(congress.getValue(), type.getValue(),
                    number.getValue(), title.getValue()))) {
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate(BillEditorView.class, created[0].getId()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(congress, type, number, title));
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), save);
        dialog.open();
    }

}
