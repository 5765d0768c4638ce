package org.liuhua.training.staff;

import java.util.List;

/**
 * What an import did: rows read, created, updated, unchanged (a re-import of the same file changes nothing) and
 * rejected, with one error per bad cell naming its row and column.
 */
public record ImportReport(int rows, int created, int updated, int unchanged, int rejected, List<RowError> errors) {

    /** @param row the row number as the sheet shows it (header = 1); column its letter; field its name */
    public record RowError(int row, String column, String field, String message) {
    }
}
