package org.liuhua.grid.plan.web;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.liuhua.grid.plan.PatrolPlans;
import org.liuhua.grid.scope.Scopes;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Patrol plans by the calendar (G-4: of an inspector, a unit or a town; the inspector's due list of the week),
 * coverage, inspector assessment and ranking (G-6, also as XLSX). The plan and the week are computed lists with one
 * fixed order (overdue first, then due date; the window ending first), paged like every list, their counts beside the
 * page; the ranking is in rank order unless sorted.
 */
@RestController
class PlanController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PatrolPlans plans;
    private final Scopes scopes;
    private final CityCalendar calendar;

    PlanController(PatrolPlans plans, Scopes scopes, CityCalendar calendar) {
        this.plans = plans;
        this.scopes = scopes;
        this.calendar = calendar;
    }

    @GetMapping("/api/v1/patrol-plan")
    PlanView plan(@RequestParam(required = false) String inspectorId,
                  @RequestParam(required = false) String unitId,
                  @RequestParam(required = false) String townId,
                  @RequestParam(required = false) LocalDate asOf,
                  @RequestParam(required = false) String period,
                  @RequestParam(defaultValue = "false") boolean all,
                  @SortableBy(value = {}, defaultSize = 50) PageQuery page) {
        PatrolPlans.Plan plan = plans.plan(new PatrolPlans.Subject(inspectorId, unitId, townId),
                plans.dayOf(day("asOf", asOf), period), all, scopes.current());
        return new PlanView(plan.inspectorId(), plan.unitId(), plan.townId(), plan.asOf(), plan.unitIds(),
                plan.establishments(), plan.overdue(), plan.due(), plan.ok(), PageResponse.of(plan.items(), page));
    }

    @GetMapping("/api/v1/patrol-plan/my-week")
    @PreAuthorize("hasRole('INSPECTOR')")
    WeekView week(@SortableBy(value = {}, defaultSize = 50) PageQuery page) {
        PatrolPlans.Week week = plans.week(scopes.current());
        return new WeekView(week.inspectorId(), week.today(), week.weekStart(), week.weekEnd(), week.overdue(),
                week.dueThisWeek(), PageResponse.of(week.items(), page));
    }

    @GetMapping("/api/v1/coverage")
    PatrolPlans.Coverage coverage(@RequestParam(required = false) String townId,
                                  @RequestParam(required = false) String unitId,
                                  @RequestParam(required = false) String period,
                                  @RequestParam(required = false) LocalDate from,
                                  @RequestParam(required = false) LocalDate to) {
        return plans.coverage(townId, unitId, period, day("from", from), day("to", to), scopes.current());
    }

    @GetMapping("/api/v1/inspectors/{id}/assessment")
    PatrolPlans.Assessment assessment(@PathVariable String id, @RequestParam(required = false) YearMonth month) {
        return plans.assessment(id, month("month", month), scopes.current());
    }

    @GetMapping("/api/v1/inspectors/ranking")
    PageResponse<PatrolPlans.RankedAssessment> ranking(@RequestParam(required = false) String townId,
                                                       @RequestParam(required = false) YearMonth month,
                                                       @SortableBy(value = {"rank", "name", "completionRate",
                                                               "patrolsDone", "establishmentsCovered", "hazardsFound",
                                                               "findingsClosed"}, byDefault = "rank,asc",
                                                               defaultSize = 50) PageQuery page) {
        List<PatrolPlans.RankedAssessment> ranked = plans.ranking(townId, month("month", month), scopes.current());
        return PageResponse.of(ranked.stream().sorted(order(page.sort())).toList(), page);
    }

    @GetMapping("/api/v1/inspectors/ranking/export")
    ResponseEntity<byte[]> rankingWorkbook(@RequestParam(required = false) String townId,
                                           @RequestParam(required = false) YearMonth month) {
        YearMonth m = month("month", month);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RankingWorkbook.write(m, plans.ranking(townId, m, scopes.current()), out);
        String name = "inspector-ranking-" + (townId == null ? "" : townId + "-") + m + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]",
                        "_") + "\"")
                .body(out.toByteArray());
    }

    /** The requested order of the ranking (rank when none); ties keep the rank order. */
    private static Comparator<PatrolPlans.RankedAssessment> order(Sort sort) {
        Comparator<PatrolPlans.RankedAssessment> order = null;
        for (Sort.Order o : sort) {
            Comparator<PatrolPlans.RankedAssessment> field = switch (o.getProperty()) {
                case "name" -> Comparator.comparing(r -> r.assessment().name(),
                        Comparator.nullsLast(Comparator.naturalOrder()));
                case "completionRate" -> Comparator.comparingDouble(r -> r.assessment().completionRate());
                case "patrolsDone" -> by(r -> r.assessment().patrolsDone());
                case "establishmentsCovered" -> by(r -> r.assessment().establishmentsCovered());
                case "hazardsFound" -> by(r -> r.assessment().hazardsFound());
                case "findingsClosed" -> by(r -> r.assessment().findingsClosed());
                default -> by(PatrolPlans.RankedAssessment::rank);
            };
            field = o.isDescending() ? field.reversed() : field;
            order = order == null ? field : order.thenComparing(field);
        }
        Comparator<PatrolPlans.RankedAssessment> byRank = by(PatrolPlans.RankedAssessment::rank);
        return order == null ? byRank : order.thenComparing(byRank);
    }

    private static Comparator<PatrolPlans.RankedAssessment> by(Function<PatrolPlans.RankedAssessment, Integer> f) {
        return Comparator.comparing(f);
    }

    /** A month asked for (this month of the city when none), between 2000 and 9999 (else 400 naming it). */
    private YearMonth month(String field, YearMonth month) {
        if (month == null) {
            return YearMonth.from(calendar.today());
        }
        day(field, month.atDay(1));
        return month;
    }

    /** A day asked for, between 2000 and 9999 (else 400 naming it): nothing of the register is older. */
    private static LocalDate day(String field, LocalDate day) {
        if (day != null && (day.getYear() < 2000 || day.getYear() > 9999)) {
            throw new InvalidInputException(field, "must lie between the years 2000 and 9999");
        }
        return day;
    }

    /** The plan's counts and one page of its items ({@code items, page, size, totalElements, totalPages}). */
    record PlanView(String inspectorId, String unitId, String townId, LocalDate asOf, List<String> unitIds,
                    int establishments, int overdue, int due, int ok,
                    @JsonUnwrapped PageResponse<PatrolPlans.PlanItem> page) {
    }

    /**
     * The calling inspector's due list of this week (Monday {@code weekStart} to Sunday {@code weekEnd}, the city's
     * days): OVERDUE establishments and DUE ones whose window ends by Sunday, most urgent first.
     */
    record WeekView(String inspectorId, LocalDate today, LocalDate weekStart, LocalDate weekEnd, int overdue,
                    int dueThisWeek, @JsonUnwrapped PageResponse<PatrolPlans.PlanItem> page) {
    }
}
