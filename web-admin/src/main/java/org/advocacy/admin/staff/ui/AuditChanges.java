package org.advocacy.admin.staff.ui;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit entry's before and after states as a table of fields, the changed ones marked
 * in words and colour, instead of two blobs of JSON.
 */
final class AuditChanges {

    static final String CHANGED = " (changed)";

    private static final JsonMapper json = JsonMapper.builder().build();

    private AuditChanges() {
    }

    static Component of(@Nullable String before, @Nullable String after) {
        Map<String, String> old = fields(before);
        Map<String, String> now = fields(after);
        if (old.isEmpty() && now.isEmpty()) {
            return new Paragraph("No fields were recorded for this entry.");
        }
        NativeTable table = new NativeTable();
        table.setCaptionText("Fields before and after this change");
        NativeTableRow head = table.getHead().addRow();
        head.addHeaderCell().setText("Field");
        head.addHeaderCell().setText("Before");
        head.addHeaderCell().setText("After");
        Set<String> names = new LinkedHashSet<>(old.keySet());
        names.addAll(now.keySet());
        for (String name : names) {
            String was = before == null ? "—" : old.getOrDefault(name, "—");
            String is = after == null ? "—" : now.getOrDefault(name, "—");
            boolean changed = !was.equals(is);
            NativeTableRow row = table.getBody().addRow();
            row.addHeaderCell().setText(words(name) + (changed ? CHANGED : ""));
            row.addDataCell().setText(was);
            row.addDataCell().setText(is);
            if (changed) {
                row.addClassName("changed");
                row.getStyle().set("background", "var(--lumo-primary-color-10pct)").set("font-weight", "600");
            }
        }
        table.getStyle().set("border-collapse", "collapse").set("text-align", "left");
        return table;
    }

    /**
     * Top-level fields as display text, in recorded order. Unreadable JSON shows as one
     * "value" field.
     */
    static Map<String, String> fields(@Nullable String state) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (state == null || state.isBlank()) {
            return fields;
        }
        JsonNode node;
        try {
            node = json.readTree(state);
        }
        catch (RuntimeException e) {
            fields.put("value", state);
            return fields;
        }
        if (!node.isObject()) {
            fields.put("value", text(node));
            return fields;
        }
        node.properties().forEach(entry -> fields.put(entry.getKey(), text(entry.getValue())));
        return fields;
    }

    private static String text(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return "—";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "Yes" : "No";
        }
        if (value.isArray()) {
            String items = StreamSupport.stream(value.spliterator(), false)
                .map(AuditChanges::text)
                .collect(Collectors.joining(", "));
            return items.isEmpty() ? "(none)" : items;
        }
        if (value.isObject()) {
            return value.properties()
                .stream()
                .map(e -> words(e.getKey()) + ": " + text(e.getValue()))
                .collect(Collectors.joining("; "));
        }
        return value.asString();
    }

    /** "publishOnSite" or "publish_on_site" → "Publish on site". */
    static String words(String field) {
        String spaced = field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase();
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

}
