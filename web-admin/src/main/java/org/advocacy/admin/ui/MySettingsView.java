package org.advocacy.admin.ui;

import org.advocacy.staff.StaffUser;
import org.advocacy.staff.StaffUserService;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** Every staff member's own settings: the time zone the console shows dates in. */
@Route("settings")
@PageTitle("My settings · Advocacy console")
@Menu(order = 200, icon = "vaadin:user", title = "My settings")
@PermitAll
class MySettingsView extends VerticalLayout {

    final TimeZoneField zone;

    MySettingsView(StaffUserService staff, ConsoleFormat format) {
        zone = new TimeZoneField("Show dates and times in", format.organisationZone());
        StaffUser me = staff.current().orElse(null);
        add(new H1("My settings"));
        if (me == null) {
            add(ConsoleUi.emptyState("Your account could not be found. Log out and in again."));
            return;
        }
        zone.setValue(me.getTimeZone());
        zone.setHelperText(
                "Every date in the console is shown in this zone. Leave it empty to use the organisation's.");
        Button save = new Button("Save", event -> {
            if (ConsoleUi.attempt(() -> staff.changeTimeZone(me.getId(), zone.getValue()))) {
                format.zoneChanged();
                ConsoleUi.success("Saved. Dates are now shown in " + format.zoneName() + ".");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph("Dates are now shown in " + format.zoneName() + "."), zone, save);
    }

}
