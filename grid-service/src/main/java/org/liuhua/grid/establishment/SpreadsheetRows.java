package org.liuhua.grid.establishment;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.liuhua.grid.establishment.domain.EstablishmentDraft;
import org.liuhua.grid.establishment.domain.Post;
import org.liuhua.kit.domain.FieldProblem;

/**
 * Reads the rows of an establishment spreadsheet (the towns' 底数 tables), XLSX (first sheet) or CSV (UTF-8). The
 * first row names the columns with the JSON field names ({@code id, name, kind, industry, departmentId, townId,
 * unitId, riskLevel, flags, employeeCount, workshops, address, latitude, longitude, landlordId, clusterId, posts});
 * flags are separated by {@code ;} or {@code |}; posts (岗位/班组) are {@code name:shifts:workersPerShift[:workshop]},
 * several separated by {@code ;} or {@code |} (e.g. {@code 冲压甲班:2:18:冲压车间;喷涂线:1:6}; full-width {@code ：；}
 * also).
 */
final class SpreadsheetRows {

    /** A data row: its 1-based row number in the sheet (header = row 1), the draft, or what could not be read. */
    record Row(int rowNumber, EstablishmentDraft draft, List<FieldProblem> problems) {
    }

    private SpreadsheetRows() {
    }

    static List<Row> read(String filename, InputStream in) throws IOException {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        List<Map<String, String>> raw = name.endsWith(".xlsx") ? xlsx(in) : csv(in);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            rows.add(toDraft(i + 2, raw.get(i)));
        }
        return rows;
    }

    private static List<Map<String, String>> csv(InputStream in) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), format)) {
            List<String> headers = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").trim()).toList();
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < headers.size() && c < record.size(); c++) {
                    row.put(headers.get(c), record.get(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<Map<String, String>> xlsx(InputStream in) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            org.apache.poi.ss.usermodel.Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                return rows;
            }
            List<String> headers = new ArrayList<>();
            for (int c = 0; c < header.getLastCellNum(); c++) {
                Cell cell = header.getCell(c);
                headers.add(cell == null ? "" : formatter.formatCellValue(cell).trim());
            }
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                Map<String, String> values = new LinkedHashMap<>();
                boolean empty = true;
                for (int c = 0; c < headers.size(); c++) {
                    Cell cell = row == null ? null : row.getCell(c);
                    String value = cell == null ? "" : formatter.formatCellValue(cell).trim();
                    empty &= value.isEmpty();
                    values.put(headers.get(c), value);
                }
                if (!empty) {
                    rows.add(values);
                }
            }
        }
        return rows;
    }

    private static Row toDraft(int rowNumber, Map<String, String> v) {
        List<FieldProblem> problems = new ArrayList<>();
        Integer employees = integer(v, "employeeCount", problems);
        Integer workshops = integer(v, "workshops", problems);
        Double latitude = decimal(v, "latitude", problems);
        Double longitude = decimal(v, "longitude", problems);
        String flags = v.getOrDefault("flags", "");
        List<String> flagList = flags.isBlank() ? List.of() : Arrays.asList(flags.split("[;|]"));
        EstablishmentDraft draft = new EstablishmentDraft(v.get("id"), v.get("name"), v.get("kind"), v.get("industry"),
                v.get("departmentId"), v.get("townId"), v.get("unitId"), v.get("riskLevel"), flagList, employees,
                workshops, v.get("address"), latitude, longitude, v.get("landlordId"), v.get("clusterId"),
                posts(v.getOrDefault("posts", ""), problems), null);
        return new Row(rowNumber, draft, problems);
    }

    /** The posts of a cell, {@code name:shifts:workersPerShift[:workshop]} each; what cannot be read is a problem. */
    private static List<Post> posts(String cell, List<FieldProblem> problems) {
        List<Post> posts = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return posts;
        }
        String[] entries = cell.split("[;|；]");
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            String at = "posts[" + posts.size() + "]";
            String[] parts = entry.trim().split("[:：]", -1);
            if (parts.length < 3 || parts.length > 4) {
                problems.add(new FieldProblem(at, "'" + entry.trim() + "' is not name:shifts:workersPerShift"
                        + "[:workshop]"));
                posts.add(new Post(parts[0], null, null, null));
                continue;
            }
            posts.add(new Post(parts[0], parts.length == 4 ? parts[3] : null,
                    whole(parts[1], at + ".shifts", problems), whole(parts[2], at + ".workersPerShift", problems)));
        }
        return posts;
    }

    private static Integer whole(String text, String field, List<FieldProblem> problems) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "'" + text + "' is not a whole number"));
            return null;
        }
    }

    private static Integer integer(Map<String, String> v, String field, List<FieldProblem> problems) {
        String text = v.get(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim().replaceAll("\\.0+$", ""));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "'" + text + "' is not a whole number"));
            return null;
        }
    }

    private static Double decimal(Map<String, String> v, String field, List<FieldProblem> problems) {
        String text = v.get(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "'" + text + "' is not a number"));
            return null;
        }
    }
}
