package org.liuhua.grid.plan.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.liuhua.grid.plan.PatrolPlans;
import org.liuhua.grid.scope.Scopes;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Patrol plan (G-4), coverage, inspector assessment and ranking (G-6). The plan and the ranking are computed lists
 * with one fixed order (overdue first then due date; rank), paged like every list; the plan's counts stand beside
 * its page.
 */
@RestController
class PlanController {

    private final PatrolPlans plans;
    private final Scopes scopes;
    private final CityCalendar calendar;

    PlanController(PatrolPlans plans, Scopes scopes, CityCalendar calendar) {
        this.plans = plans;
        this.scopes = scopes;
        this.calendar = calendar;
    }

    @GetMapping("/api/v1/patrol-plan")
    PlanView plan(@RequestParam String inspectorId, @RequestParam(required = false) LocalDate asOf,
                  @RequestParam(defaultValue = "false") boolean all,
                  @SortableBy(value = {}, defaultSize = 50) PageQuery page) {
        PatrolPlans.Plan plan = plans.plan(inspectorId, asOf == null ? calendar.today() : asOf, all,
                scopes.current());
        return new PlanView(plan.inspectorId(), plan.asOf(), plan.unitIds(), plan.establishments(), plan.overdue(),
                plan.due(), plan.ok(), PageResponse.of(plan.items(), page));
    }

    @GetMapping("/api/v1/coverage")
    PatrolPlans.Coverage coverage(@RequestParam(required = false) String townId,
                                  @RequestParam(required = false) String unitId,
                                  @RequestParam(required = false) LocalDate from,
                                  @RequestParam(required = false) LocalDate to) {
        return plans.coverage(townId, unitId, from, to, scopes.current());
    }

    @GetMapping("/api/v1/inspectors/{id}/assessment")
    PatrolPlans.Assessment assessment(@PathVariable String id, @RequestParam(required = false) YearMonth month) {
        return plans.assessment(id, month == null ? thisMonth() : month, scopes.current());
    }

    @GetMapping("/api/v1/inspectors/ranking")
    PageResponse<PatrolPlans.RankedAssessment> ranking(@RequestParam String townId,
                                                       @RequestParam(required = false) YearMonth month,
                                                       @SortableBy(value = {}, defaultSize = 50) PageQuery page) {
        return PageResponse.of(plans.ranking(townId, month == null ? thisMonth() : month, scopes.current()), page);
    }

    private YearMonth thisMonth() {
        return YearMonth.from(calendar.today());
    }

    /** The plan's counts and one page of its items ({@code items, page, size, totalElements, totalPages}). */
    record PlanView(String inspectorId, LocalDate asOf, List<String> unitIds, int establishments, int overdue,
                    int due, int ok, @JsonUnwrapped PageResponse<PatrolPlans.PlanItem> page) {
    }
}
