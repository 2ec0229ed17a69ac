package org.advocacy.admin.roster.ui;

import org.advocacy.admin.ui.ConsoleFormat;

import java.util.List;

import org.advocacy.legislators.Chamber;
import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorService;
import org.advocacy.legislators.LegislatorService.RosterFilter;
import org.advocacy.legislators.UsState;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

/**
 * Every member of Congress the platform knows, sitting or not: searchable by name,
 * filtered, loaded page by page.
 */
@Route("roster")
@PageTitle("Roster · Advocacy console")
@Menu(order = 40, icon = "vaadin:institution", title = "Roster")
@RolesAllowed({ "ADMIN", "ORGANIZER", "VIEWER" })
class RosterView extends VerticalLayout {

    static final String ANY = "Any";
    static final String IN_OFFICE = "In office";
    static final String OUT_OF_OFFICE = "Out of office";

    final TextField name = new TextField("Name");

    final ComboBox<UsState> state = new ComboBox<>("State");

    final Select<String> chamber = new Select<>();

    final ComboBox<String> party = new ComboBox<>("Party");

    final Select<String> inOffice = new Select<>();

    final Grid<Legislator> grid = new Grid<>(Legislator.class, false);

    private final LegislatorService legislators;

    RosterView(LegislatorService legislators) {
        this.legislators = legislators;
        setSizeFull();
        add(new H1("Roster"), new RouterLink("Sync history", RosterSyncHistoryView.class));

        name.setPlaceholder("Name or bioguide id");
        name.setClearButtonVisible(true);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        state.setItems(legislators.states());
        state.setItemLabelGenerator(s -> s.getName() + " (" + s.getCode() + ")");
        state.setClearButtonVisible(true);
        chamber.setLabel("Chamber");
        chamber.setItems(ANY, "House", "Senate");
        chamber.setValue(ANY);
        party.setItems(List.of("Democrat", "Republican", "Independent"));
        party.setAllowCustomValue(false);
        party.setClearButtonVisible(true);
        inOffice.setLabel("Status");
        inOffice.setItems(ANY, IN_OFFICE, OUT_OF_OFFICE);
        inOffice.setValue(IN_OFFICE);
        Button clear = new Button("Clear filters", event -> {
            name.clear();
            state.clear();
            chamber.setValue(ANY);
            party.clear();
            inOffice.setValue(ANY);
        });
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout filters = new HorizontalLayout(name, state, chamber, party, inOffice, clear);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(filters);

        grid.addColumn(Legislator::getDisplayName).setHeader("Name").setSortProperty("lastName").setFlexGrow(2);
        grid.addColumn(ConsoleFormat::seat).setHeader("Seat").setSortProperty("state", "district");
        grid.addColumn(l -> l.getChamber() == Chamber.SENATE ? "Senate" : "House")
            .setHeader("Chamber")
            .setSortProperty("chamber");
        grid.addColumn(Legislator::getParty).setHeader("Party").setSortProperty("party");
        grid.addColumn(l -> l.getPhone() == null ? "—" : l.getPhone()).setHeader("Phone");
        grid.addColumn(l -> l.isInOffice() ? "In office" : "Left " + ConsoleFormat.current().day(l.getLeftOfficeOn()))
            .setHeader("Status")
            .setSortProperty("inOffice");
        // Unsorted, the database's row order would decide the first page: by name unless
        // staff chose a column.
        grid.setItemsPageable(
                pageable -> legislators.search(filter(),
                        pageable.getSort().isSorted() ? pageable
                                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                                        Sort.by("lastName", "firstName", "bioguideId")))
                    .getContent(),
                pageable -> legislators.count(filter()));
        grid.addItemClickListener(event -> getUI().ifPresent(ui -> ui.navigate(LegislatorView.class,
                new RouteParameters("bioguideId", event.getItem().getBioguideId()))));
        grid.setSizeFull();
        add(grid);

        name.addValueChangeListener(event -> refresh());
        state.addValueChangeListener(event -> refresh());
        chamber.addValueChangeListener(event -> refresh());
        party.addValueChangeListener(event -> refresh());
        inOffice.addValueChangeListener(event -> refresh());
    }

    RosterFilter filter() {
        Chamber chosenChamber = switch (chamber.getValue() == null ? ANY : chamber.getValue()) {
            case "House" -> Chamber.HOUSE;
            case "Senate" -> Chamber.SENATE;
            default -> null;
        };
        Boolean office = IN_OFFICE.equals(inOffice.getValue()) ? Boolean.TRUE
                : OUT_OF_OFFICE.equals(inOffice.getValue()) ? Boolean.FALSE : null;
        return new RosterFilter(name.getValue(), state.getValue() == null ? null : state.getValue().getCode(),
                chosenChamber, party.getValue(), office);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

}
