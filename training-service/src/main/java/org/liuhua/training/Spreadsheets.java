package org.liuhua.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.Text;

/**
 * Reads and writes the spreadsheets enterprises keep (XLSX with Apache POI, first sheet; CSV UTF-8 with Apache Commons
 * CSV). A column is recognised by its field name, its Chinese label, or {@code 中文(field)} as the templates write it.
 * Every value comes back as text (dates of XLSX date cells as {@code yyyy-MM-dd}) with the row number a person sees
 * in the sheet (header = row 1) and the column letter, so an error names both.
 */
public final class Spreadsheets {

    /** One column of a template: field name and Chinese label. */
    public record Column(String field, String label) {
        public String header() {
            return label + "(" + field + ")";
        }
    }

    /** A data row: values by field, and the column letter of each field. */
    public record SheetRow(int rowNumber, Map<String, String> values, Map<String, String> letters) {
        public String get(String field) {
            return Text.strippedOrNull(values.get(field));
        }

        public String letter(String field) {
            return letters.getOrDefault(field, "?");
        }
    }

    private Spreadsheets() {
    }

    public static boolean isXlsx(String filename) {
        return filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    public static List<SheetRow> read(String filename, InputStream in, List<Column> columns, int maxRows) {
        try {
            List<SheetRow> rows = isXlsx(filename) ? xlsx(in, columns) : csv(in, columns);
            if (rows.size() > maxRows) {
                throw new InvalidInputException("file", "at most " + maxRows + " data rows per import, not "
                        + rows.size());
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("file", "cannot be read as " + (isXlsx(filename) ? "XLSX" : "CSV (UTF-8)")
                    + ": " + e.getMessage());
        }
    }

    /** Parses a date cell's text (yyyy-MM-dd, yyyy/M/d or yyyy.M.d); null when it is not one. */
    public static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.trim().split("[-/.年月日]");
        try {
            if (parts.length >= 3) {
                return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2]));
            }
            return LocalDate.parse(text.trim());
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }

    public static byte[] xlsxTemplate(String sheetName, List<Column> columns, List<List<String>> examples) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c).header());
                sheet.setColumnWidth(c, 18 * 256);
            }
            for (int r = 0; r < examples.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < examples.get(r).size(); c++) {
                    row.createCell(c).setCellValue(examples.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] csvTemplate(List<Column> columns, List<List<String>> examples) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT)) {
            printer.printRecord(columns.stream().map(Column::header).toList());
            for (List<String> example : examples) {
                printer.printRecord(example);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static String fieldOf(String header, List<Column> columns) {
        String h = header.replace("\uFEFF", "").trim();
        int open = h.lastIndexOf('(') >= 0 ? h.lastIndexOf('(') : h.lastIndexOf('（');
        int close = Math.max(h.lastIndexOf(')'), h.lastIndexOf('）'));
        String inner = open >= 0 && close > open ? h.substring(open + 1, close).trim() : null;
        for (Column c : columns) {
            if (c.field().equalsIgnoreCase(h) || c.label().equals(h) || c.field().equalsIgnoreCase(inner)) {
                return c.field();
            }
        }
        return null;
    }

    private static List<SheetRow> csv(InputStream in, List<Column> columns) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), format)) {
            List<String> fields = null;
            for (CSVRecord record : parser) {
                if (fields == null) {
                    fields = new ArrayList<>();
                    for (String header : record) {
                        fields.add(fieldOf(header, columns));
                    }
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                Map<String, String> letters = new LinkedHashMap<>();
                boolean empty = true;
                for (int c = 0; c < fields.size() && c < record.size(); c++) {
                    if (fields.get(c) != null) {
                        values.put(fields.get(c), record.get(c));
                        letters.put(fields.get(c), CellReference.convertNumToColString(c));
                        empty &= record.get(c).isBlank();
                    }
                }
                if (!empty) {
                    rows.add(new SheetRow((int) record.getRecordNumber(), values, letters));
                }
            }
        }
        return rows;
    }

    private static List<SheetRow> xlsx(InputStream in, List<Column> columns) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                return rows;
            }
            List<String> fields = new ArrayList<>();
            for (int c = 0; c < header.getLastCellNum(); c++) {
                Cell cell = header.getCell(c);
                fields.add(cell == null ? null : fieldOf(formatter.formatCellValue(cell), columns));
            }
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, String> values = new LinkedHashMap<>();
                Map<String, String> letters = new LinkedHashMap<>();
                boolean empty = true;
                for (int c = 0; c < fields.size(); c++) {
                    if (fields.get(c) == null) {
                        continue;
                    }
                    Cell cell = row == null ? null : row.getCell(c);
                    String value = text(cell, formatter);
                    empty &= value.isBlank();
                    values.put(fields.get(c), value);
                    letters.put(fields.get(c), CellReference.convertNumToColString(c));
                }
                if (!empty) {
                    rows.add(new SheetRow(r + 1, values, letters));
                }
            }
        }
        return rows;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell).trim();
    }
}
