package org.advocacy.admin.ui;

import java.time.ZoneId;
import java.util.List;

import com.vaadin.flow.component.combobox.ComboBox;

/**
 * A searchable list of IANA time zones ("Chicago time (America/Chicago)"); empty means
 * the organisation's.
 */
public final class TimeZoneField extends ComboBox<String> {

    private static final List<String> ZONES = ZoneId.getAvailableZoneIds()
        .stream()
        .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
        .sorted()
        .toList();

    public TimeZoneField(String label, ZoneId organisationZone) {
        super(label);
        setItems(ZONES);
        setItemLabelGenerator(id -> ConsoleFormat.zoneName(ZoneId.of(id)));
        setClearButtonVisible(true);
        setPlaceholder("The organisation's: " + ConsoleFormat.zoneName(organisationZone));
        setWidth("24rem");
    }

}
