package org.liuhua.grid.establishment.web;

import org.liuhua.grid.establishment.Establishments;
import org.liuhua.grid.scope.Scopes;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The current safety-role holders (safety officers, fire safety officers, fire instructors, safety directors,
 * registered safety engineers) of the establishments in the caller's scope: one page per establishment page.
 */
@RestController
class SafetyOfficerController {

    private final Establishments establishments;
    private final Scopes scopes;

    SafetyOfficerController(Establishments establishments, Scopes scopes) {
        this.establishments = establishments;
        this.scopes = scopes;
    }

    @GetMapping("/api/v1/safety-officers")
    PageResponse<Establishments.OfficerOnDuty> officers(@RequestParam(required = false) String townId,
                                                        @RequestParam(required = false) String establishmentId,
                                                        @RequestParam(required = false) String role,
                                                        @RequestParam(required = false) String personId,
                                                        @SortableBy(value = "establishmentId",
                                                                byDefault = "establishmentId,asc", defaultSize = 50)
                                                        PageQuery page) {
        return PageResponse.of(establishments.officers(townId, establishmentId, role, personId, scopes.current(),
                page));
    }
}
