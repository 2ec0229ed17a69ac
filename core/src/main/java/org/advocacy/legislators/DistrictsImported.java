package org.advocacy.legislators;

/** Published after a ZIP-to-district import that changed the table. */
public record DistrictsImported(int inserted, int deleted) {
}
