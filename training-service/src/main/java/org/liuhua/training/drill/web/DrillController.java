package org.liuhua.training.drill.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.liuhua.training.Access;
import org.liuhua.training.drill.Drills;
import org.liuhua.training.drill.domain.Drill;
import org.liuhua.training.establishment.TrainingScope;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Drills (T-7): records, the half-yearly rule, 厂中厂 coverage and "先演练、后生产". */
@Tag(name = "Drills", description = "Emergency drills, establishments due a drill, tenants without a drill")
@RestController
@RequestMapping("/api/v1/training/drills")
class DrillController {

    private final Drills drills;
    private final TrainingScope scopes;

    DrillController(Drills drills, TrainingScope scopes) {
        this.drills = drills;
        this.scopes = scopes;
    }

    /** A drill as the API shows it. */
    record DrillView(String id, String establishmentId, String townId, String type, LocalDate heldOn,
                     int participants, String scenario, List<String> tenantsCovered, boolean allTenantsCovered,
                     List<String> uncoveredTenants, List<String> photos, Instant recordedAt) {
        static DrillView of(Drill d) {
            return new DrillView(d.id(), d.establishmentId(), d.townId(), d.type(), d.heldOn(), d.participants(),
                    d.scenario(), d.tenantsCovered(), d.allTenantsCovered(), d.uncoveredTenants(), d.photos(),
                    d.recordedAt());
        }
    }

    @Operation(summary = "Record a drill; tenantsCovered must be tenants of the establishment (grid's links)")
    @PostMapping
    @PreAuthorize(Access.KEEPERS)
    ResponseEntity<DrillView> hold(@RequestBody Drills.HoldDrill body) {
        Drill d = drills.hold(body, scopes.current(), Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/training/drills/" + d.id())).body(DrillView.of(d));
    }

    @Operation(summary = "Drills within the caller's scope (filters establishmentId, townId)")
    @GetMapping
    @PreAuthorize(Access.OFFICIALS)
    PageResponse<DrillView> list(@RequestParam(required = false) String establishmentId,
                                 @RequestParam(required = false) String townId,
                                 @SortableBy(value = {"heldOn", "recordedAt"}, byDefault = "heldOn,desc")
                                 PageQuery page) {
        return PageResponse.of(drills.list(establishmentId, townId, scopes.current(), page.pageable()),
                DrillView::of);
    }

    @Operation(summary = "Establishments due a drill this period: required kinds without one, landlords without a"
            + " drill covering all tenants (厂中厂)")
    @GetMapping("/due")
    @PreAuthorize(Access.OFFICIALS)
    PageResponse<Drills.DueDrill> due(@RequestParam(required = false) String townId,
                                      @SortableBy(value = {"townId"}, byDefault = "townId,asc") PageQuery page) {
        return PageResponse.of(drills.due(townId, scopes.current()), page);
    }

    @Operation(summary = "先演练、后生产: tenants of rental factories no drill has covered since they moved in")
    @GetMapping("/tenants-without-drill")
    @PreAuthorize(Access.OFFICIALS)
    PageResponse<Drills.TenantWithoutDrill> tenantsWithoutDrill(
            @RequestParam(required = false) String townId,
            @SortableBy(value = {"townId"}, byDefault = "townId,asc") PageQuery page) {
        return PageResponse.of(drills.tenantsWithoutDrill(townId, scopes.current()), page);
    }

    @Operation(summary = "One drill (404 outside the caller's scope)")
    @GetMapping("/{id}")
    @PreAuthorize(Access.OFFICIALS)
    DrillView get(@PathVariable String id) {
        return DrillView.of(drills.get(id, scopes.current()));
    }
}
