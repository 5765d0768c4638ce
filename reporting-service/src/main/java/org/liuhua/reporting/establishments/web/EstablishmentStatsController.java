package org.liuhua.reporting.establishments.web;

import org.liuhua.kit.security.Caller;
import org.liuhua.reporting.establishments.EstablishmentPages;
import org.liuhua.reporting.projection.Projections;
import org.liuhua.reporting.scope.ReportScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The one-page view of an establishment; outside the caller's report scope it is a 404. */
@RestController
class EstablishmentStatsController {

    private final EstablishmentPages pages;
    private final Projections projections;

    EstablishmentStatsController(EstablishmentPages pages, Projections projections) {
        this.pages = pages;
        this.projections = projections;
    }

    @GetMapping("/api/v1/stats/establishments/{id}")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER','DEPARTMENT_OFFICER')")
    EstablishmentPages.Page page(@PathVariable String id) {
        return pages.page(id, ReportScope.of(Caller.current()), projections.active());
    }
}
