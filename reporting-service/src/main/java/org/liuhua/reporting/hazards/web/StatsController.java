package org.liuhua.reporting.hazards.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.liuhua.reporting.hazards.HazardResults.AttentionHazard;
import org.liuhua.reporting.hazards.HazardResults.DepartmentRow;
import org.liuhua.reporting.hazards.HazardResults.IndustryRow;
import org.liuhua.reporting.hazards.HazardResults.MonthRow;
import org.liuhua.reporting.hazards.HazardResults.OpenAt;
import org.liuhua.reporting.hazards.HazardResults.Overview;
import org.liuhua.reporting.hazards.HazardResults.TownRow;
import org.liuhua.reporting.hazards.HazardStatistics;
import org.liuhua.reporting.hazards.domain.AttentionList;
import org.liuhua.reporting.scope.ReportScope;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hazard statistics for the cockpit and the officers, each cut to the caller's report scope: the whole
 * city (CITY_ADMIN, COCKPIT_VIEWER), one town (TOWN_OFFICER) or one supervising department (DEPARTMENT_OFFICER).
 */
@RestController
@RequestMapping("/api/v1/stats")
@PreAuthorize("hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER','DEPARTMENT_OFFICER')")
class StatsController {

    private static final int MAX_MONTHS = 120;

    private static final Map<String, Comparator<TownRow>> TOWN_ORDER = Map.of(
            "rank", Comparator.comparingInt(TownRow::rank),
            "townId", Comparator.comparing(TownRow::townId),
            "closureRate", Comparator.comparing(r -> r.closureRate().value() == null ? -1.0 : r.closureRate().value()),
            "total", Comparator.comparingLong(TownRow::total),
            "overdue", Comparator.comparingLong(TownRow::overdue),
            "openMajor", Comparator.comparingLong(TownRow::openMajor));

    private final HazardStatistics statistics;
    private final CityCalendar calendar;

    StatsController(HazardStatistics statistics, CityCalendar calendar) {
        this.statistics = statistics;
        this.calendar = calendar;
    }

    private static ReportScope scope() {
        return ReportScope.of(Caller.current());
    }

    @GetMapping("/overview")
    Overview overview() {
        return statistics.overview(scope());
    }

    /** Towns ranked by closure rate (then fewer overdue); a town officer gets only their row. */
    @GetMapping("/towns")
    PageResponse<TownRow> towns(@SortableBy(value = {"rank", "townId", "closureRate", "total", "overdue",
            "openMajor"}, byDefault = "rank,asc") PageQuery page) {
        List<TownRow> rows = new java.util.ArrayList<>(statistics.towns(scope()));
        rows.sort(order(page.sort(), TOWN_ORDER).thenComparingInt(TownRow::rank));
        return PageResponse.of(rows, page);
    }

    @GetMapping("/industries")
    PageResponse<IndustryRow> industries(@SortableBy(value = {"total"}, byDefault = "total,desc") PageQuery page) {
        List<IndustryRow> rows = new java.util.ArrayList<>(statistics.industries(scope()));
        if (isAscending(page.sort(), "total")) {
            rows.sort(Comparator.comparingLong(IndustryRow::total).thenComparing(IndustryRow::industry));
        }
        return PageResponse.of(rows, page);
    }

    @GetMapping("/departments")
    PageResponse<DepartmentRow> departments(@SortableBy(value = {"total"}, byDefault = "total,desc")
                                            PageQuery page) {
        List<DepartmentRow> rows = new java.util.ArrayList<>(statistics.departments(scope()));
        if (isAscending(page.sort(), "total")) {
            rows.sort(Comparator.comparingLong(DepartmentRow::total).thenComparing(DepartmentRow::departmentId));
        }
        return PageResponse.of(rows, page);
    }

    /** A series of months, oldest first (a bounded time series, not a pageable list). */
    public record MonthSeries(String from, String to, List<MonthRow> months) {
    }

    /** Per month {@code from} … {@code to} (default: the last 12 months), oldest first. */
    @GetMapping("/months")
    MonthSeries months(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        YearMonth last = to == null ? YearMonth.from(calendar.today()) : month("to", to);
        YearMonth first = from == null ? last.minusMonths(11) : month("from", from);
        if (first.isAfter(last)) {
            throw new InvalidInputException("from", "must not be after to (" + last + ")");
        }
        if (first.plusMonths(MAX_MONTHS).isBefore(last)) {
            throw new InvalidInputException("from", "at most " + MAX_MONTHS + " months at once");
        }
        return new MonthSeries(first.toString(), last.toString(), statistics.months(scope(), first, last));
    }

    /** Per town: hazards open at the end of a day (default yesterday). */
    @GetMapping("/open-at")
    OpenAt openAt(@RequestParam(required = false) String date) {
        LocalDate day;
        if (date == null) {
            day = calendar.today().minusDays(1);
        } else {
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("date", "is not a date YYYY-MM-DD: " + date);
            }
        }
        if (day.isBefore(LocalDate.of(2000, 1, 1)) || day.isAfter(calendar.today().plusYears(10))) {
            throw new InvalidInputException("date", "is out of range: " + date);
        }
        return statistics.openAt(scope(), day);
    }

    /**
     * The hazards of an attention list ({@code open-major} — the default —, {@code overdue}, {@code escalated}),
     * newest first.
     */
    @GetMapping("/hazards")
    PageResponse<AttentionHazard> hazards(@RequestParam(required = false) String list,
                                          @SortableBy(value = {"reportedAt"}, byDefault = "reportedAt,desc")
                                          PageQuery page) {
        AttentionList which = AttentionList.bySlug(list == null ? "open-major" : list);
        if (which == null) {
            throw new InvalidInputException("list", "must be open-major, overdue or escalated");
        }
        HazardStatistics.AttentionPage rows = statistics.attention(scope(), which,
                isAscending(page.sort(), "reportedAt"), (long) page.page() * page.size(), page.size());
        return new PageResponse<>(rows.rows(), page.page(), page.size(), rows.total(),
                (int) ((rows.total() + page.size() - 1) / page.size()));
    }

    private static YearMonth month(String parameter, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(parameter, "is not a month YYYY-MM: " + value);
        }
    }

    private static boolean isAscending(Sort sort, String field) {
        Sort.Order order = sort.getOrderFor(field);
        return order != null && order.isAscending();
    }

    private static <T> Comparator<T> order(Sort sort, Map<String, Comparator<T>> fields) {
        Comparator<T> order = (a, b) -> 0;
        for (Sort.Order o : sort) {
            Comparator<T> field = fields.get(o.getProperty());
            if (field != null) {
                order = order.thenComparing(o.isDescending() ? field.reversed() : field);
            }
        }
        return order;
    }
}
