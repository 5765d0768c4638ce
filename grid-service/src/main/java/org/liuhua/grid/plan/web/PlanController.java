package org.liuhua.grid.plan.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.liuhua.grid.GridRules;
import org.liuhua.grid.plan.PatrolPlans;
import org.liuhua.grid.scope.Scopes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Patrol plan (G-4), coverage, inspector assessment and ranking (G-6). */
@RestController
class PlanController {

    private final PatrolPlans plans;
    private final Scopes scopes;
    private final GridRules rules;

    PlanController(PatrolPlans plans, Scopes scopes, GridRules rules) {
        this.plans = plans;
        this.scopes = scopes;
        this.rules = rules;
    }

    @GetMapping("/api/v1/patrol-plan")
    PatrolPlans.Plan plan(@RequestParam String inspectorId, @RequestParam(required = false) LocalDate asOf,
                          @RequestParam(defaultValue = "false") boolean all) {
        return plans.plan(inspectorId, asOf == null ? LocalDate.now(rules.zoneId()) : asOf, all, scopes.current());
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
        return plans.assessment(id, month == null ? YearMonth.now(rules.zoneId()) : month, scopes.current());
    }

    @GetMapping("/api/v1/inspectors/ranking")
    List<PatrolPlans.RankedAssessment> ranking(@RequestParam String townId,
                                               @RequestParam(required = false) YearMonth month) {
        return plans.ranking(townId, month == null ? YearMonth.now(rules.zoneId()) : month, scopes.current());
    }
}
