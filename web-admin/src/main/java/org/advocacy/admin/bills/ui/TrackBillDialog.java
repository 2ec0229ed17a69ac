package org.advocacy.admin.bills.ui;

import java.util.function.Consumer;

import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.bills.Bill;
import org.advocacy.bills.BillNumber;
import org.advocacy.bills.BillStatusSource;
import org.advocacy.bills.BillSyncService;
import org.advocacy.bills.OfficialBillRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * "Track a bill": staff type its number, the official Bill Status record is fetched at
 * once and shown, and only "Track this bill" saves it. Administrators and organisers only
 * (the view shows the button to them, and {@link BillSyncService#track} checks the role
 * again).
 */
class TrackBillDialog extends Dialog {

    final TextField number = new TextField("Bill number");

    final Button lookUp = new Button("Look it up");

    final Button track = new Button("Track this bill");

    final Div found = new Div();

    private final BillStatusSource source;

    private final BillSyncService sync;

    private final MessageSource messages;

    private final Consumer<Bill> tracked;

    private @Nullable OfficialBillRecord record;

    private @Nullable String url;

    TrackBillDialog(BillStatusSource source, BillSyncService sync, MessageSource messages, Consumer<Bill> tracked) {
        this.source = source;
        this.sync = sync;
        this.messages = messages;
        this.tracked = tracked;
        setHeaderTitle("Track a bill");
        number.setPlaceholder("119 H.R. 4323");
        number.setHelperText("The Congress, the type and the number, e.g. 119 H.R. 4323 or 118 S. 35.");
        number.setMaxLength(40);
        number.setWidth("20rem");
        number.setId("track-bill-number");
        lookUp.setId("track-bill-look-up");
        lookUp.addClickListener(event -> lookUp());
        track.setId("track-bill-save");
        track.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        track.setEnabled(false);
        track.addClickListener(event -> save());
        HorizontalLayout form = new HorizontalLayout(number, lookUp);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new Paragraph("The platform reads the bill's official status from GovInfo (refreshed every four hours) "
                + "and keeps it up to date: titles, summary, sponsor, cosponsors and status history."), form, found);
        getFooter().add(new Button("Cancel", event -> close()), track);
    }

    void lookUp() {
        record = null;
        track.setEnabled(false);
        found.removeAll();
        number.setInvalid(false);
        BillNumber parsed;
        try {
            parsed = BillNumber.parse(number.getValue());
        }
        catch (IllegalArgumentException invalid) {
            number.setErrorMessage(invalid.getMessage());
            number.setInvalid(true);
            return;
        }
        url = source.urlOf(parsed.congress(), parsed.type(), parsed.number());
        try {
            record = source.fetch(parsed.congress(), parsed.type(), parsed.number());
        }
        catch (BillStatusSource.UnavailableException unavailable) {
            found.add(new Paragraph("Could not read the official record of " + parsed + ". " + unavailable.getMessage()
                    + ". Nothing was saved."));
            return;
        }
        OfficialBillRecord shown = record;
        found.add(
                new H3(shown.type().abbreviation() + " " + shown.number() + " (" + shown.congress() + "th Congress) · "
                        + shown.shortTitle()),
                line("Stage",
                        ConsoleUi.stage(messages, shown.stage())
                                + shown.stageReachedOn().map(day -> ", since " + ConsoleUi.day(day)).orElse("")),
                line("Public law", shown.publicLaw() == null ? "none yet" : shown.publicLaw()),
                line("Sponsor",
                        shown.sponsor() == null ? "none listed"
                                : shown.sponsor().name() == null ? shown.sponsor().bioguideId()
                                        : shown.sponsor().name()),
                line("Cosponsors", Integer.toString(shown.cosponsors().size())),
                line("Status history", shown.actions().size() + " entries"));
        track.setEnabled(true);
    }

    void save() {
        OfficialBillRecord current = record;
        String from = url;
        if (current == null || from == null) {
            return;
        }
        Bill[] saved = new Bill[1];
        if (ConsoleUi.attempt(() -> saved[0] = sync.track(current, from))) {
            ConsoleUi.success(current.type().abbreviation() + " " + current.number() + " is now tracked.");
            close();
            tracked.accept(saved[0]);
        }
    }

    private static Paragraph line(String label, String value) {
        return new Paragraph(label + ": " + value);
    }

}
