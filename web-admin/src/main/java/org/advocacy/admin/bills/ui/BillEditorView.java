package org.advocacy.admin.bills.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.advocacy.admin.ui.ConsoleFormat;
import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.bills.Bill;
import org.advocacy.bills.BillDetails;
import org.advocacy.bills.BillService;
import org.advocacy.bills.BillStage;
import org.advocacy.bills.BillStatusEvent;
import org.advocacy.bills.BillSyncService;
import org.advocacy.bills.BillType;
import org.advocacy.bills.Cosponsor;
import org.advocacy.legislators.Chamber;
import org.advocacy.legislators.Legislator;
import org.advocacy.legislators.LegislatorService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.RolesAllowed;

/**
 * One bill: number and text, status history (its latest entry sets the stage, and live
 * campaigns follow the stage), sponsor and cosponsors from the roster, and members'
 * stances.
 */
@Route("bills/edit")
@PageTitle("Bill · Advocacy console")
@RolesAllowed({ "ADMIN", "ORGANIZER", "VIEWER" })
class BillEditorView extends VerticalLayout implements HasUrlParameter<Long> {

    private final BillService bills;

    private final LegislatorService legislators;

    private final boolean editable;

    private final H1 heading = new H1();

    private final Paragraph stage = new Paragraph();

    final Paragraph syncStatus = new Paragraph();

    private final BillSyncService sync;

    private final MessageSource messages;

    private final TabSheet tabs = new TabSheet();

    private final BeanValidationBinder<BillForm> binder = new BeanValidationBinder<>(BillForm.class);

    private final Grid<BillStatusEvent> history = new Grid<>(BillStatusEvent.class, false);

    private final ComboBox<Legislator> sponsor;

    private final MultiSelectComboBox<Legislator> cosponsors;

    private final VerticalLayout stancesTab = new VerticalLayout();

    private final Paragraph formerMembers = new Paragraph();

    private @Nullable Bill bill;

    BillEditorView(BillService bills, LegislatorService legislators, BillSyncService sync, MessageSource messages,
            AuthenticationContext authentication) {
        this.bills = bills;
        this.sync = sync;
        this.messages = messages;
        syncStatus.setId("bill-sync-status");
        this.legislators = legislators;
        this.editable = ConsoleUi.canEdit(authentication);
        this.sponsor = ConsoleUi.legislatorPicker(legislators, "Sponsor");
        this.cosponsors = ConsoleUi.legislatorsPicker(legislators, "Cosponsors");
        setMaxWidth("70rem");
        tabs.setWidthFull();
        tabs.add("Details", detailsTab());
        tabs.add("Status history", historyTab());
        tabs.add("Sponsor and cosponsors", backersTab());
        tabs.add("Member stances", stancesTab);
        add(heading, stage, syncStatus, tabs);
    }

    @Override
    public void setParameter(BeforeEvent event, Long billId) {
        bill = bills.find(billId).orElse(null);
        if (bill == null) {
            heading.setText("This bill does not exist");
            tabs.setVisible(false);
            return;
        }
        load(bill);
        stancesTab.removeAll();
        stancesTab.add(new StanceEditor(bills, legislators, billId, editable));
        binder.setReadOnly(!editable);
        sponsor.setReadOnly(!editable);
        cosponsors.setReadOnly(!editable);
    }

    private void load(Bill loaded) {
        bill = loaded;
        heading.setText(loaded.getDesignation() + " · " + loaded.getShortTitle());
        stage.setText("Current stage: " + ConsoleUi.stage(messages, loaded.getStage()) + ". Live campaigns linked to "
                + "this bill show the call to action for this stage.");
        showSyncStatus(loaded.getId());
        binder.readRecord(BillForm.of(loaded));
        history.setItems(loaded.getStatusHistory());
        sponsor.setValue(loaded.getSponsorId() == null ? null : legislators.find(loaded.getSponsorId()).orElse(null));
        cosponsors.setValue(
                Set.copyOf(legislators.findAll(loaded.getCosponsors().stream().map(Cosponsor::bioguideId).toList())));
        Set<Cosponsor> former = formerMembers(loaded);
        String sponsorName = loaded.getSponsorId() != null && sponsor.getValue() == null ? loaded.getSponsorName()
                : null;
        formerMembers.setVisible(!former.isEmpty() || sponsorName != null);
        formerMembers.setText((sponsorName == null ? "" : "Sponsor (no longer in Congress): " + sponsorName + ". ")
                + (former.isEmpty() ? ""
                        : "Cosponsors no longer in Congress, kept from the official record: " + former.stream()
                            .map(c -> c.name() == null ? c.bioguideId() : c.name())
                            .sorted()
                            .collect(Collectors.joining("; ")) + "."));
    }

    /** The last sync in plain words, in the staff member's time zone. */
    private void showSyncStatus(long billId) {
        var status = sync.status(billId).orElse(null);
        if (status == null) {
            syncStatus.setText("Not synced from the official record yet. The bill status sync runs every four hours.");
            return;
        }
        ConsoleUi.inStaffZone(time -> syncStatus.setText(status.succeeded()
                ? "Last synced from the official record " + time.apply(status.checkedAt()) + ": "
                        + (status.message().equals("Up to date") ? "nothing had changed." : status.message() + ".")
                        + (status.changedAt() == null ? ""
                                : " Last change found " + time.apply(status.changedAt()) + ".")
                : "The last sync, " + time.apply(status.checkedAt()) + ", failed: " + status.message()
                        + ". The bill keeps the information it had."));
    }

    private VerticalLayout detailsTab() {
        IntegerField congress = new IntegerField("Congress");
        Select<BillType> type = new Select<>();
        type.setLabel("Type");
        type.setItems(BillType.values());
        type.setItemLabelGenerator(BillType::abbreviation);
        IntegerField number = new IntegerField("Number");
        TextField shortTitle = new TextField("Short title");
        TextArea officialTitle = new TextArea("Official title");
        TextArea summary = new TextArea("Summary");
        TextField url = new TextField("congress.gov address");
        TextField publicLaw = new TextField("Public law");
        publicLaw.setHelperText("Once enacted, e.g. Public Law 119-73.");
        binder.forField(congress).bind("congress");
        binder.forField(type).bind("type");
        binder.forField(number).bind("number");
        binder.forField(shortTitle).bind("shortTitle");
        binder.forField(officialTitle).bind("officialTitle");
        binder.forField(summary).bind("summary");
        binder.forField(url).bind("congressGovUrl");
        binder.forField(publicLaw).bind("publicLaw");
        Button save = new Button("Save details", e -> {
            Bill current = bill;
            if (current == null) {
                return;
            }
            try {
                BillForm form = binder.writeRecord();
                if (ConsoleUi.attempt(() -> load(bills.update(current.getId(),
                        new BillDetails(form.congress(), form.type(), form.number(), form.shortTitle(),
                                form.officialTitle(), form.summary(), form.congressGovUrl(), form.publicLaw()))))) {
                    ConsoleUi.success("Bill saved.");
                }
            }
            catch (ValidationException invalid) {
                ConsoleUi.error("Correct the highlighted fields.");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(editable);
        summary.setWidthFull();
        officialTitle.setWidthFull();
        return new VerticalLayout(new FormLayout(congress, type, number, shortTitle, url, publicLaw), officialTitle,
                summary, save);
    }

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private VerticalLayout historyTab() {
        history.addColumn(
                e -> e.isMonthOnly() ? MONTH.format(e.getOccurredOn()) : ConsoleFormat.current().day(e.getOccurredOn()))
            .setHeader("Date")
            .setAutoWidth(true);
        history.addColumn(e -> e.getChamber() == null ? "" : e.getChamber() == Chamber.HOUSE ? "House" : "Senate")
            .setHeader("Chamber")
            .setAutoWidth(true);
        history.addColumn(BillStatusEvent::getDescription).setHeader("What happened").setFlexGrow(2);
        history.addColumn(e -> ConsoleUi.stage(messages, e.getStage())).setHeader("Stage");
        if (editable) {
            history.addComponentColumn(e -> {
                Button remove = new Button("Remove",
                        click -> ConsoleUi.confirm("Remove this entry?",
                                "\"" + e.getDescription()
                                        + "\" is removed from the history; the bill's stage is recalculated "
                                        + "and linked live campaigns follow it.",
                                "Remove", () -> {
                                    Bill current = bill;
                                    if (current != null && ConsoleUi
                                        .attempt(() -> load(bills.removeStatus(current.getId(), e.getId())))) {
                                        ConsoleUi.success("Entry removed.");
                                    }
                                }));
                remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                return remove;
            }).setHeader("Actions").setAutoWidth(true);
        }
        history.setEmptyStateText("No status entries yet.");
        history.setAllRowsVisible(true);
        VerticalLayout tab = new VerticalLayout(history);
        if (editable) {
            DatePicker date = new DatePicker("Date");
            date.setValue(LocalDate.now());
            Select<Chamber> chamber = new Select<>();
            chamber.setLabel("Chamber");
            chamber.setItems(Chamber.values());
            chamber.setEmptySelectionAllowed(true);
            chamber.setEmptySelectionCaption("Neither (e.g. signed into law)");
            chamber.setItemLabelGenerator(value -> value == null ? "Neither (e.g. signed into law)"
                    : value == Chamber.HOUSE ? "House" : "Senate");
            chamber.setWidth("16rem");
            TextField description = new TextField("What happened");
            description.setMaxLength(500);
            description.setMinWidth("18rem");
            Select<BillStage> newStage = new Select<>();
            newStage.setLabel("Stage");
            newStage.setItems(BillStage.values());
            newStage.setItemLabelGenerator(value -> ConsoleUi.stage(messages, value));
            // Wide enough for the longest stage and its help text, so neither is squeezed
            // into a sliver.
            newStage.setWidth("18rem");
            newStage
                .setHelperText("The stage the bill reached with this step; the latest entry sets the bill's stage.");
            Button add = new Button("Add entry", e -> {
                Bill current = bill;
                if (current == null || date.getValue() == null || newStage.getValue() == null) {
                    ConsoleUi.error("Enter the date and the stage.");
                    return;
                }
                if (ConsoleUi.attempt(() -> load(bills.recordStatus(current.getId(), date.getValue(),
                        chamber.getValue(), description.getValue(), newStage.getValue())))) {
                    ConsoleUi.success(
                            "Entry added. The bill is now at \"" + ConsoleUi.stage(messages, bill.getStage()) + "\".");
                    description.clear();
                }
            });
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout form = new HorizontalLayout(date, chamber, description, newStage, add);
            form.setAlignItems(FlexComponent.Alignment.BASELINE);
            form.setWrap(true);
            form.setWidthFull();
            form.setFlexGrow(1, description);
            tab.add(form);
        }
        return tab;
    }

    private Set<Cosponsor> formerMembers(Bill of) {
        Set<String> inRoster = legislators.findAll(of.getCosponsors().stream().map(Cosponsor::bioguideId).toList())
            .stream()
            .map(Legislator::getBioguideId)
            .collect(Collectors.toSet());
        return of.getCosponsors().stream().filter(c -> !inRoster.contains(c.bioguideId())).collect(Collectors.toSet());
    }

    private VerticalLayout backersTab() {
        Button save = new Button("Save sponsor and cosponsors", e -> {
            Bill current = bill;
            if (current == null) {
                return;
            }
            Map<String, LocalDate> since = current.getCosponsors()
                .stream()
                .filter(c -> c.since() != null)
                .collect(Collectors.toMap(Cosponsor::bioguideId, Cosponsor::since));
            Set<Cosponsor> chosen = cosponsors.getValue()
                .stream()
                .map(l -> new Cosponsor(l.getBioguideId(), since.getOrDefault(l.getBioguideId(), LocalDate.now())))
                .collect(Collectors.toSet());
            // Former members named by the official record are not in the roster pickers:
            // keep them.
            chosen.addAll(formerMembers(current));
            String sponsorId = sponsor.getValue() != null ? sponsor.getValue().getBioguideId()
                    : current.getSponsorId() != null && legislators.find(current.getSponsorId()).isEmpty()
                            ? current.getSponsorId() : null;
            if (ConsoleUi.attempt(() -> load(bills.changeBackers(current.getId(), sponsorId, chosen)))) {
                ConsoleUi.success("Sponsor and cosponsors saved.");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(editable);
        return new VerticalLayout(formerMembers,
                new Paragraph("After enactment, campaigns thank these members and ask the others "
                        + "to back strong implementation ({{legislator.thanks}})."),
                sponsor, cosponsors, save);
    }

}
