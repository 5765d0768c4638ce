package org.liuhua.grid.staffing.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.liuhua.grid.scope.Scopes;
import org.liuhua.grid.staffing.StaffingGaps;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staffing gaps by town (G-7): a page of towns (by town id) with their gaps; the total and the departments beside. */
@RestController
class StaffingController {

    private final StaffingGaps gaps;
    private final Scopes scopes;

    StaffingController(StaffingGaps gaps, Scopes scopes) {
        this.gaps = gaps;
        this.scopes = scopes;
    }

    @GetMapping("/api/v1/staffing/gaps")
    GapsView gaps(@RequestParam(required = false) String townId,
                  @SortableBy(value = {}, defaultSize = 50) PageQuery page) {
        StaffingGaps.Report report = gaps.gaps(townId, scopes.current());
        return new GapsView(report.gaps(), report.departments(), PageResponse.of(report.towns(), page));
    }

    /** {@code gaps} counts every gap (all towns and the departments); {@code items} are the towns of this page. */
    record GapsView(int gaps, List<StaffingGaps.Gap> departments,
                    @JsonUnwrapped PageResponse<StaffingGaps.TownGaps> page) {
    }
}
