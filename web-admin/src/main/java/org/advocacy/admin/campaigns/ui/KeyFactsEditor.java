package org.advocacy.admin.campaigns.ui;

import java.util.ArrayList;
import java.util.List;

import org.advocacy.admin.ui.ConsoleUi;
import org.advocacy.campaigns.KeyFact;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/** A campaign's key facts, one row of fields each, with their sources. */
class KeyFactsEditor extends VerticalLayout {

    private final boolean editable;

    private final VerticalLayout rows = new VerticalLayout();

    private final List<KeyFactRow> facts = new ArrayList<>();

    KeyFactsEditor(boolean editable) {
        this.editable = editable;
        Button add = new Button("Add key fact", event -> add(new KeyFact("", "", null, null)));
        add.setVisible(editable);
        setPadding(false);
        add(rows, add);
    }

    void setFacts(List<KeyFact> keyFacts) {
        facts.clear();
        rows.removeAll();
        keyFacts.forEach(this::add);
        if (keyFacts.isEmpty()) {
            rows.add(ConsoleUi.emptyState("No key facts yet. Every fact needs its source."));
        }
    }

    /** The facts as entered, leaving out rows with neither a statement nor a source. */
    List<KeyFact> facts() {
        return facts.stream()
            .map(KeyFactRow::value)
            .filter(f -> !f.statement().isBlank() || !f.sourceName().isBlank())
            .toList();
    }

    private void add(KeyFact fact) {
        rows.getChildren().filter(c -> c.hasClassName("empty-state")).toList().forEach(rows::remove);
        KeyFactRow row = new KeyFactRow(fact, editable);
        row.remove.addClickListener(event -> ConsoleUi.confirm("Remove this key fact?",
                "It disappears from the campaign when you save.", "Remove", () -> {
                    facts.remove(row);
                    rows.remove(row);
                }));
        facts.add(row);
        rows.add(row);
    }

    /** One key fact's fields. */
    private static final class KeyFactRow extends FormLayout {

        final TextArea statement = new TextArea("Statement");

        final TextField source = new TextField("Source");

        final TextField url = new TextField("Source link");

        final TextField detail = new TextField("Detail");

        final Button remove = new Button("Remove fact");

        KeyFactRow(KeyFact fact, boolean editable) {
            statement.setValue(fact.statement());
            source.setValue(fact.sourceName());
            url.setValue(fact.sourceUrl() == null ? "" : fact.sourceUrl());
            detail.setValue(fact.detail() == null ? "" : fact.detail());
            statement.setMaxLength(500);
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            remove.setVisible(editable);
            List.of(statement, source, url, detail).forEach(f -> f.setReadOnly(!editable));
            add(statement, source, url, detail, remove);
            getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        }

        KeyFact value() {
            return new KeyFact(statement.getValue().strip(), source.getValue().strip(),
                    url.getValue().isBlank() ? null : url.getValue().strip(),
                    detail.getValue().isBlank() ? null : detail.getValue().strip());
        }

    }

}
