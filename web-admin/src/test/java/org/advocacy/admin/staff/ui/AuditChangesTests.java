package org.advocacy.admin.staff.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;

/**
 * Before/after states read as a list of fields with the changed ones marked, not as JSON.
 */
class AuditChangesTests {

    @Test
    void changedFieldsAreMarkedInWordsAndTheUnchangedAreNot() {
        NativeTable table = (NativeTable) AuditChanges.of(
                "{\"title\":\"TSRA\",\"publishOnSite\":true,\"stage\":\"INTRODUCED\",\"tags\":[\"a\",\"b\"]}",
                "{\"title\":\"TSRA\",\"publishOnSite\":false,\"stage\":\"PASSED_HOUSE\",\"tags\":[\"a\",\"b\"]}");

        List<List<String>> rows = rows(table);
        assertThat(rows).containsExactly(List.of("Title", "TSRA", "TSRA"),
                List.of("Publish on site (changed)", "Yes", "No"),
                List.of("Stage (changed)", "INTRODUCED", "PASSED_HOUSE"), List.of("Tags", "a, b", "a, b"));
        assertThat(table.getBody().getRows().stream().filter(r -> r.hasClassName("changed")).count()).isEqualTo(2);
        assertThat(table.getElement().getOuterHTML()).doesNotContain("{\"").doesNotContain("publishOnSite");
    }

    @Test
    void aCreatedRecordShowsEveryFieldAsChangedFromNothing() {
        List<List<String>> rows = rows((NativeTable) AuditChanges.of(null, "{\"role\":\"VIEWER\",\"enabled\":true}"));

        assertThat(rows).containsExactly(List.of("Role (changed)", "—", "VIEWER"),
                List.of("Enabled (changed)", "—", "Yes"));
    }

    @Test
    void anEntryWithoutStatesSaysSoInsteadOfAnEmptyTable() {
        Component none = AuditChanges.of(null, null);

        assertThat(none).isNotInstanceOf(NativeTable.class);
        assertThat(none.getElement().getText()).isEqualTo("No fields were recorded for this entry.");
    }

    private static List<List<String>> rows(NativeTable table) {
        return table.getBody().getRows().stream().map(AuditChangesTests::texts).toList();
    }

    private static List<String> texts(NativeTableRow row) {
        return row.getAllCells().stream().map(cell -> cell.getElement().getText()).toList();
    }

}
