package org.advocacy.admin.dashboard.ui;

import java.util.List;

import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.bills.BillSyncService;
import org.advocacy.bills.BillSyncService.StageChange;
import org.springframework.context.MessageSource;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * "What changed since you last looked": the bill stages the status sync moved since this
 * staff member last marked the list as seen, newest first, with the date of the official
 * action.
 */
class BillChangesPanel extends VerticalLayout {

    final UnorderedList changes = new UnorderedList();

    final Button seen = new Button("Mark as seen");

    private final BillSyncService sync;

    private final MessageSource messages;

    BillChangesPanel(BillSyncService sync, MessageSource messages) {
        this.sync = sync;
        this.messages = messages;
        setPadding(false);
        setId("bill-changes");
        seen.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        seen.addClickListener(event -> {
            sync.markChangesSeen();
            show();
        });
        show();
    }

    private void show() {
        removeAll();
        changes.removeAll();
        add(new H2("What changed since you last looked"));
        List<StageChange> unseen = sync.unseenChanges();
        if (unseen.isEmpty()) {
            add(new Paragraph("No bill has changed stage since you last looked. The bill status sync checks the "
                    + "official record every four hours."));
            return;
        }
        for (StageChange change : unseen) {
            changes.add(new ListItem(change.designation() + " (" + change.congress() + "th) · " + change.shortTitle()
                    + ": " + ConsoleUi.stage(messages, change.from()) + " → " + ConsoleUi.stage(messages, change.to())
                    + (change.occurredOn() == null ? "" : ", on " + ConsoleUi.day(change.occurredOn()))
                    + ". Linked live campaigns now show the call to action for this stage."));
        }
        add(changes, seen);
    }

}
