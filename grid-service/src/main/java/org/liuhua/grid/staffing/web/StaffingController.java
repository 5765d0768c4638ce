package org.liuhua.grid.staffing.web;

import org.liuhua.grid.scope.Scopes;
import org.liuhua.grid.staffing.StaffingGaps;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staffing gaps by town (G-7). */
@RestController
class StaffingController {

    private final StaffingGaps gaps;
    private final Scopes scopes;

    StaffingController(StaffingGaps gaps, Scopes scopes) {
        this.gaps = gaps;
        this.scopes = scopes;
    }

    @GetMapping("/api/v1/staffing/gaps")
    StaffingGaps.Report gaps(@RequestParam(required = false) String townId) {
        return gaps.gaps(townId, scopes.current());
    }
}
