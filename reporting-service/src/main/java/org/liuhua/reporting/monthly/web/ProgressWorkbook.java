package org.liuhua.reporting.monthly.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.liuhua.reporting.monthly.domain.ProgressColumn;
import org.liuhua.reporting.monthly.domain.ProgressFigures;
import org.liuhua.reporting.monthly.domain.ProgressRow;
import org.liuhua.reporting.monthly.domain.ProgressTable;

/**
 * The monthly progress table as the official form (the attachment of haimen-standards-year-2023), written with POI's
 * streaming workbook: the title merged across, the month, 地 区 merged over two header rows, the two header groups
 * merged over their columns, the thirteen column headers, one row per town, 合计, the remark; column widths, the
 * header frozen (and repeated on every printed page), A4 landscape fitted to the width, counts as whole numbers and
 * the penalty in 万元 with two decimals.
 */
final class ProgressWorkbook {

    static final String SHEET = "进度统计表";
    static final int TITLE_ROW = 0;
    static final int MONTH_ROW = 1;
    static final int GROUP_ROW = 2;
    static final int HEADER_ROW = 3;
    static final int FIRST_TOWN_ROW = 4;
    private static final int COLUMNS = ProgressColumn.values().length + 1;

    private ProgressWorkbook() {
    }

    static void write(ProgressTable table, OutputStream out) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Styles styles = new Styles(workbook);
            SXSSFSheet sheet = workbook.createSheet(SHEET);
            widths(sheet);

            Row title = sheet.createRow(TITLE_ROW);
            title.setHeightInPoints(36);
            fill(title, styles.title, 0, COLUMNS - 1).get(0).setCellValue(ProgressColumn.TITLE);
            sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, COLUMNS - 1));

            Row month = sheet.createRow(MONTH_ROW);
            month.setHeightInPoints(20);
            YearMonth ym = YearMonth.parse(table.month());
            fill(month, styles.note, 0, COLUMNS - 1).get(0)
                    .setCellValue("统计月份：" + ym.getYear() + "年" + ym.getMonthValue() + "月");
            sheet.addMergedRegion(new CellRangeAddress(MONTH_ROW, MONTH_ROW, 0, COLUMNS - 1));

            Row groups = sheet.createRow(GROUP_ROW);
            groups.setHeightInPoints(24);
            Row headers = sheet.createRow(HEADER_ROW);
            headers.setHeightInPoints(96);
            fill(groups, styles.header, 0, COLUMNS - 1);
            fill(headers, styles.header, 0, COLUMNS - 1);
            groups.getCell(0).setCellValue(ProgressColumn.REGION_HEADER);
            sheet.addMergedRegion(new CellRangeAddress(GROUP_ROW, HEADER_ROW, 0, 0));
            int first = 1;
            for (ProgressColumn.Group group : ProgressColumn.Group.values()) {
                int last = first;
                for (ProgressColumn column : ProgressColumn.values()) {
                    if (column.group() == group) {
                        headers.getCell(column.ordinal() + 1).setCellValue(column.header());
                        last = column.ordinal() + 1;
                    }
                }
                groups.getCell(first).setCellValue(group.header());
                sheet.addMergedRegion(new CellRangeAddress(GROUP_ROW, GROUP_ROW, first, last));
                first = last + 1;
            }

            int r = FIRST_TOWN_ROW;
            for (ProgressRow row : table.rows()) {
                figures(sheet.createRow(r++), row.townName(), row.figures(), styles, false);
            }
            figures(sheet.createRow(r++), ProgressColumn.TOTALS_LABEL, table.totals(), styles, true);

            Row remark = sheet.createRow(r);
            remark.setHeightInPoints(22);
            fill(remark, styles.note, 0, COLUMNS - 1).get(0).setCellValue(ProgressColumn.REMARK);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, COLUMNS - 1));

            sheet.createFreezePane(1, FIRST_TOWN_ROW);
            sheet.setRepeatingRows(new CellRangeAddress(GROUP_ROW, HEADER_ROW, -1, -1));
            sheet.setFitToPage(true);
            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setLandscape(true);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setHorizontallyCenter(true);

            try {
                workbook.write(out);
            } finally {
                workbook.dispose(); // the streaming sheets' temporary files
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the monthly progress table", e);
        }
    }

    private static void figures(Row row, String label, ProgressFigures figures, Styles styles, boolean totals) {
        row.setHeightInPoints(20);
        Cell name = row.createCell(0);
        name.setCellStyle(totals ? styles.totalsLabel : styles.town);
        name.setCellValue(label);
        for (ProgressColumn column : ProgressColumn.values()) {
            Cell cell = row.createCell(column.ordinal() + 1);
            cell.setCellStyle(column.decimal() ? (totals ? styles.totalsAmount : styles.amount)
                    : (totals ? styles.totalsCount : styles.count));
            cell.setCellValue(figures.value(column).doubleValue());
        }
    }

    private static java.util.List<Cell> fill(Row row, CellStyle style, int from, int to) {
        java.util.List<Cell> cells = new java.util.ArrayList<>();
        for (int c = from; c <= to; c++) {
            Cell cell = row.createCell(c);
            cell.setCellStyle(style);
            cells.add(cell);
        }
        return cells;
    }

    /** Widths in characters: the town name, then each figure column as wide as its header needs when wrapped. */
    private static void widths(SXSSFSheet sheet) {
        sheet.setColumnWidth(0, 22 * 256);
        for (ProgressColumn column : ProgressColumn.values()) {
            int chars = switch (column) {
                case DRILLS, RULES_REVISED, RULES_REVISING_ENTERPRISES -> 16;
                case TRAINING_PERSON_TIMES -> 14;
                case PENALTY_TEN_THOUSAND_CNY -> 12;
                default -> 11;
            };
            sheet.setColumnWidth(column.ordinal() + 1, chars * 256);
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle note;
        final CellStyle header;
        final CellStyle town;
        final CellStyle count;
        final CellStyle amount;
        final CellStyle totalsLabel;
        final CellStyle totalsCount;
        final CellStyle totalsAmount;

        Styles(SXSSFWorkbook workbook) {
            Font big = font(workbook, 16, true);
            Font bold = font(workbook, 11, true);
            Font plain = font(workbook, 11, false);
            short whole = workbook.createDataFormat().getFormat("0");
            short money = workbook.createDataFormat().getFormat("0.00");

            title = workbook.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);

            note = workbook.createCellStyle();
            note.setFont(plain);
            note.setAlignment(HorizontalAlignment.LEFT);
            note.setVerticalAlignment(VerticalAlignment.CENTER);

            header = boxed(workbook, bold, HorizontalAlignment.CENTER);
            header.setWrapText(true);
            town = boxed(workbook, plain, HorizontalAlignment.CENTER);
            count = boxed(workbook, plain, HorizontalAlignment.RIGHT);
            count.setDataFormat(whole);
            amount = boxed(workbook, plain, HorizontalAlignment.RIGHT);
            amount.setDataFormat(money);
            totalsLabel = boxed(workbook, bold, HorizontalAlignment.CENTER);
            totalsCount = boxed(workbook, bold, HorizontalAlignment.RIGHT);
            totalsCount.setDataFormat(whole);
            totalsAmount = boxed(workbook, bold, HorizontalAlignment.RIGHT);
            totalsAmount.setDataFormat(money);
        }

        private static Font font(SXSSFWorkbook workbook, int points, boolean bold) {
            Font font = workbook.createFont();
            font.setFontName("宋体");
            font.setFontHeightInPoints((short) points);
            font.setBold(bold);
            return font;
        }

        private static CellStyle boxed(SXSSFWorkbook workbook, Font font, HorizontalAlignment alignment) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setAlignment(alignment);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
