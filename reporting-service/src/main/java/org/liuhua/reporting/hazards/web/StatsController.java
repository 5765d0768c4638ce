package org.liuhua.reporting.hazards.web;

import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.liuhua.reporting.hazards.HazardFacts;
import org.liuhua.reporting.hazards.HazardFigures;
import org.liuhua.reporting.hazards.MonthFigures;
import org.liuhua.reporting.hazards.TownFigures;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** City-wide headline figures, the town ranking and the monthly counts for the cockpit, from the event-built facts. */
@RestController
@RequestMapping("/api/v1/stats")
class StatsController {

    /** The headline: {@code {"hazards": {...}}}. */
    record Overview(HazardFigures hazards) {
    }

    private final HazardFacts facts;

    StatsController(HazardFacts facts) {
        this.facts = facts;
    }

    @GetMapping("/overview")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER','DEPARTMENT_OFFICER')")
    Overview overview() {
        return new Overview(facts.figures());
    }

    /** Towns ranked by closure rate (then fewer overdue): who is lagging (R-4 starts here). */
    @GetMapping("/towns")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER')")
    PageResponse<TownFigures> towns(@SortableBy(value = {"rank", "townId", "closureRate", "total", "overdue",
            "openMajor"}, byDefault = "rank,asc") PageQuery page) {
        return PageResponse.of(facts.towns(page.sort()), page);
    }

    /** Hazards reported and closed per month, months cut at the city's midnight. */
    @GetMapping("/months")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER')")
    PageResponse<MonthFigures> months(@SortableBy(value = {"month"}, byDefault = "month,desc") PageQuery page) {
        return PageResponse.of(facts.months(page.sort()), page);
    }
}
