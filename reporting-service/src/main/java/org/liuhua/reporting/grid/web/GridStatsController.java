package org.liuhua.reporting.grid.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.liuhua.reporting.grid.GridFigures;
import org.liuhua.reporting.projection.Projections;
import org.liuhua.reporting.scope.ReportScope;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The inspector ranking and the patrol coverage per town of a month, cut to the caller's report scope. */
@RestController
@RequestMapping("/api/v1/stats")
class GridStatsController {

    record CoverageAnswer(String month, List<GridFigures.Coverage> towns) {
    }

    private final GridFigures grid;
    private final Projections projections;

    GridStatsController(GridFigures grid, Projections projections) {
        this.grid = grid;
        this.projections = projections;
    }

    @GetMapping("/inspectors")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER','DEPARTMENT_OFFICER')")
    PageResponse<GridFigures.InspectorRow> inspectors(@RequestParam(required = false) String month,
            @SortableBy(value = {"rank", "patrols", "visits", "findings", "establishmentsCovered", "townId"},
                    byDefault = "rank,asc") PageQuery page) {
        List<GridFigures.InspectorRow> rows = grid.inspectors(projections.active(), ReportScope.of(Caller.current()),
                month(month));
        return PageResponse.of(rows.stream().sorted(order(page.sort())).toList(), page);
    }

    @GetMapping("/coverage")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER','DEPARTMENT_OFFICER')")
    CoverageAnswer coverage(@RequestParam(required = false) String month) {
        String key = month(month);
        return new CoverageAnswer(key, grid.coverage(projections.active(), ReportScope.of(Caller.current()), key));
    }

    private String month(String month) {
        if (month == null || month.isBlank()) {
            return grid.currentMonth();
        }
        try {
            return YearMonth.parse(month.strip()).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "must be a month like 2026-11");
        }
    }

    private static Comparator<GridFigures.InspectorRow> order(Sort sort) {
        Comparator<GridFigures.InspectorRow> order = null;
        for (Sort.Order o : sort) {
            Comparator<GridFigures.InspectorRow> next = switch (o.getProperty()) {
                case "patrols" -> Comparator.comparingInt(GridFigures.InspectorRow::patrols);
                case "visits" -> Comparator.comparingInt(GridFigures.InspectorRow::visits);
                case "findings" -> Comparator.comparingInt(GridFigures.InspectorRow::findings);
                case "establishmentsCovered" -> Comparator.comparingInt(GridFigures.InspectorRow::establishmentsCovered);
                case "townId" -> Comparator.comparing(GridFigures.InspectorRow::townId,
                        Comparator.nullsLast(Comparator.naturalOrder()));
                default -> Comparator.comparingInt(GridFigures.InspectorRow::rank);
            };
            next = o.isDescending() ? next.reversed() : next;
            order = order == null ? next : order.thenComparing(next);
        }
        Comparator<GridFigures.InspectorRow> byRank = Comparator.comparingInt(GridFigures.InspectorRow::rank);
        return order == null ? byRank : order.thenComparing(byRank);
    }
}
