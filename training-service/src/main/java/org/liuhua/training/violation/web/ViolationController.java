package org.liuhua.training.violation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.liuhua.training.Access;
import org.liuhua.training.establishment.TrainingScope;
import org.liuhua.training.violation.Violation;
import org.liuhua.training.violation.Violations;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "先培训、再上岗" and 持证上岗: who works without the induction or certificate the rules require. */
@Tag(name = "Violations", description = "Staff working without three-level induction or a valid certificate")
@RestController
class ViolationController {

    private final Violations violations;
    private final TrainingScope scopes;

    ViolationController(Violations violations, TrainingScope scopes) {
        this.violations = violations;
        this.scopes = scopes;
    }

    @Operation(summary = "Active staff without all three passed induction levels (with the missing levels) and"
            + " special-operations workers without a valid certificate, within the caller's scope",
            description = "Filters: establishmentId, townId, kind (INDUCTION, CERTIFICATE).")
    @GetMapping("/api/v1/training/violations")
    @PreAuthorize(Access.OFFICIALS)
    PageResponse<Violation> list(@RequestParam(required = false) String establishmentId,
                                 @RequestParam(required = false) String townId,
                                 @RequestParam(required = false) String kind,
                                 @SortableBy(value = {"establishmentId", "name", "since", "kind"},
                                         byDefault = "establishmentId,asc;name,asc") PageQuery page) {
        return PageResponse.of(violations.list(establishmentId, townId, kind, scopes.current(), page.sort()), page);
    }
}
