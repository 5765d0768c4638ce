package org.liuhua.reporting.monthly.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.liuhua.kit.security.Caller;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.reporting.monthly.MonthlyProgress;
import org.liuhua.reporting.monthly.ReportMonth;
import org.liuhua.reporting.monthly.domain.ProgressColumn;
import org.liuhua.reporting.monthly.domain.ProgressFigures;
import org.liuhua.reporting.monthly.domain.ProgressTable;
import org.liuhua.reporting.scope.ReportScope;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly progress table of a month ({@code month=YYYY-MM}, last month by default) within the caller's
 * report scope, as JSON and as the official XLSX form.
 */
@RestController
@RequestMapping("/api/v1/reports")
class MonthlyController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** The table as JSON: each row {@code {townId, townName, <the thirteen figures>}}, totals the thirteen figures. */
    record TableJson(String month, String title, List<Map<String, Object>> rows, Map<String, Object> totals) {

        static TableJson of(ProgressTable table) {
            return new TableJson(table.month(), table.title(), table.rows().stream().map(r -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("townId", r.townId());
                row.put("townName", r.townName());
                row.putAll(figures(r.figures()));
                return row;
            }).toList(), figures(table.totals()));
        }

        private static Map<String, Object> figures(ProgressFigures figures) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (ProgressColumn column : ProgressColumn.values()) {
                values.put(column.key(), figures.value(column));
            }
            return values;
        }
    }

    private final MonthlyProgress progress;
    private final CityCalendar calendar;

    MonthlyController(MonthlyProgress progress, CityCalendar calendar) {
        this.progress = progress;
        this.calendar = calendar;
    }

    @GetMapping(value = "/monthly", produces = MediaType.APPLICATION_JSON_VALUE)
    // per town only: a department officer is refused whatever the month (MonthlyProgress), so before it is read
    @PreAuthorize("hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER')")
    TableJson monthly(@RequestParam(required = false) String month) {
        return TableJson.of(table(month));
    }

    @GetMapping("/monthly.xlsx")
    // per town only: a department officer is refused whatever the month (MonthlyProgress), so before it is read
    @PreAuthorize("hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER')")
    ResponseEntity<byte[]> workbook(@RequestParam(required = false) String month) {
        ProgressTable table = table(month);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressWorkbook.write(table, out);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("月度进度统计表-" + table.month() + ".xlsx",
                        "monthly-progress-" + table.month() + ".xlsx"))
                .body(out.toByteArray());
    }

    private ProgressTable table(String month) {
        YearMonth ym = ReportMonth.parse(month, calendar);
        return progress.table(ReportScope.of(Caller.current()), ym);
    }

    /** {@code attachment; filename="<ascii>"; filename*=UTF-8''<name percent-encoded>} (RFC 6266, RFC 5987). */
    static String attachment(String name, String asciiFallback) {
        return "attachment; filename=\"" + asciiFallback + "\"; filename*=UTF-8''" + rfc5987(name);
    }

    static String rfc5987(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
