package org.liuhua.grid.region.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.liuhua.grid.region.RegionTree;
import org.liuhua.grid.region.Regions;
import org.liuhua.grid.region.domain.Department;
import org.liuhua.grid.region.domain.PatrolUnit;
import org.liuhua.grid.region.domain.RegionNode;
import org.liuhua.grid.scope.Scopes;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageResponse;
import org.liuhua.kit.web.SortableBy;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The region tree and the supervising departments (G-1). */
@RestController
@RequestMapping("/api/v1")
class RegionController {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final String WRITERS = "hasAnyRole('CITY_ADMIN','TOWN_OFFICER')";

    private final Regions regions;
    private final RegionTree regionTree;
    private final Scopes scopes;

    RegionController(Regions regions, RegionTree regionTree, Scopes scopes) {
        this.regions = regions;
        this.regionTree = regionTree;
        this.scopes = scopes;
    }

    @PostMapping("/towns")
    @PreAuthorize("hasRole('CITY_ADMIN')")
    ResponseEntity<NodeView> createTown(@Valid @RequestBody TownRequest request) {
        return regions.createTown(request.id(), request.name(), request.kind(), request.safetyStaff(),
                request.fireStaff(), scopes.current()).toResponse("/api/v1/towns/" + request.id(), NodeView::of);
    }

    @PutMapping("/towns/{id}/staffing")
    @PreAuthorize(WRITERS)
    NodeView changeStaffing(@PathVariable String id, @Valid @RequestBody StaffingRequest request) {
        return NodeView.of(regions.changeStaffing(id, request.safetyStaff(), request.fireStaff(), scopes.current()));
    }

    @GetMapping("/towns")
    PageResponse<NodeView> towns(@SortableBy(value = {"id", "name"}, byDefault = "id,asc", defaultSize = 50)
                                 PageQuery page) {
        return PageResponse.of(regions.nodes(RegionNode.TOWN, null, null, scopes.current(), page), NodeView::of);
    }

    @GetMapping("/towns/{id}")
    NodeView town(@PathVariable String id) {
        return NodeView.of(regions.node(id, RegionNode.TOWN, scopes.current()));
    }

    @PostMapping("/villages")
    @PreAuthorize(WRITERS)
    ResponseEntity<NodeView> createVillage(@Valid @RequestBody VillageRequest request) {
        return regions.createVillage(request.id(), request.townId(), request.name(), scopes.current())
                .toResponse("/api/v1/villages/" + request.id(), NodeView::of);
    }

    @GetMapping("/villages")
    PageResponse<NodeView> villages(@RequestParam(required = false) String townId,
                                    @SortableBy(value = {"id", "name"}, byDefault = "id,asc", defaultSize = 50)
                                    PageQuery page) {
        return PageResponse.of(regions.nodes(RegionNode.VILLAGE, null, townId, scopes.current(), page),
                NodeView::of);
    }

    @GetMapping("/villages/{id}")
    NodeView village(@PathVariable String id) {
        return NodeView.of(regions.node(id, RegionNode.VILLAGE, scopes.current()));
    }

    @PostMapping("/grids")
    @PreAuthorize(WRITERS)
    ResponseEntity<NodeView> createGrid(@Valid @RequestBody GridRequest request) {
        return regions.createGrid(request.id(), request.villageId(), request.name(), scopes.current())
                .toResponse("/api/v1/grids/" + request.id(), NodeView::of);
    }

    @GetMapping("/grids")
    PageResponse<NodeView> grids(@RequestParam(required = false) String villageId,
                                 @RequestParam(required = false) String townId,
                                 @SortableBy(value = {"id", "name"}, byDefault = "id,asc", defaultSize = 50)
                                 PageQuery page) {
        return PageResponse.of(regions.nodes(RegionNode.GRID, villageId, townId, scopes.current(), page),
                NodeView::of);
    }

    @GetMapping("/grids/{id}")
    NodeView grid(@PathVariable String id) {
        return NodeView.of(regions.node(id, RegionNode.GRID, scopes.current()));
    }

    @PostMapping("/patrol-units")
    @PreAuthorize(WRITERS)
    ResponseEntity<UnitView> createUnit(@Valid @RequestBody UnitRequest request) {
        return regions.createUnit(request.id(), request.gridId(), request.name(), request.kind(), scopes.current())
                .toResponse("/api/v1/patrol-units/" + request.id(), UnitView::of);
    }

    @GetMapping("/patrol-units")
    PageResponse<UnitView> units(@RequestParam(required = false) String gridId,
                                 @RequestParam(required = false) String townId,
                                 @RequestParam(required = false) String kind,
                                 @SortableBy(value = {"id", "name"}, byDefault = "id,asc", defaultSize = 50)
                                 PageQuery page) {
        return PageResponse.of(regions.units(gridId, townId, kind, scopes.current(), page), UnitView::of);
    }

    @GetMapping("/patrol-units/{id}")
    UnitView unit(@PathVariable String id) {
        return UnitView.of(regions.unit(id, scopes.current()));
    }

    /** Renames a village (it stays in its town: another {@code townId} → 400). */
    @PutMapping("/villages/{id}")
    @PreAuthorize(WRITERS)
    NodeView changeVillage(@PathVariable String id, @Valid @RequestBody VillageChange request) {
        return NodeView.of(regions.changeVillage(id, request.name(), request.townId(), scopes.current()));
    }

    /** Renames a grid and/or moves it to another village of its town; its units and establishments follow. */
    @PutMapping("/grids/{id}")
    @PreAuthorize(WRITERS)
    NodeView changeGrid(@PathVariable String id, @Valid @RequestBody GridChange request) {
        return NodeView.of(regions.changeGrid(id, request.name(), request.villageId(), scopes.current()));
    }

    /** Changes a unit's name, kind (GENERAL ↔ KEY) and grid (of its town); its establishments follow. */
    @PutMapping("/patrol-units/{id}")
    @PreAuthorize(WRITERS)
    UnitView changeUnit(@PathVariable String id, @Valid @RequestBody UnitChange request) {
        return UnitView.of(regions.changeUnit(id, request.name(), request.kind(), request.gridId(), scopes.current()));
    }

    /** Retires a village with no current grid left (else 409 VILLAGE_HAS_GRIDS). */
    @PostMapping("/villages/{id}/retire")
    @PreAuthorize(WRITERS)
    NodeView retireVillage(@PathVariable String id) {
        return NodeView.of(regions.retireNode(id, RegionNode.VILLAGE, scopes.current()));
    }

    /** Retires a grid with no current unit left (else 409 GRID_HAS_UNITS). */
    @PostMapping("/grids/{id}/retire")
    @PreAuthorize(WRITERS)
    NodeView retireGrid(@PathVariable String id) {
        return NodeView.of(regions.retireNode(id, RegionNode.GRID, scopes.current()));
    }

    /**
     * Retires a unit whose establishments were all moved to other units and whose inspectors were unbound (else 409
     * UNIT_HAS_ESTABLISHMENTS / UNIT_HAS_INSPECTORS), so the "in no unit" list stays empty.
     */
    @PostMapping("/patrol-units/{id}/retire")
    @PreAuthorize(WRITERS)
    UnitView retireUnit(@PathVariable String id) {
        return UnitView.of(regions.retireUnit(id, scopes.current()));
    }

    /** The tree city → town → village → grid → unit with counts, of the towns the caller sees (or one town). */
    @GetMapping("/region-tree")
    RegionTree.Node tree(@RequestParam(required = false) String townId) {
        return regionTree.tree(townId, scopes.current());
    }

    @PostMapping("/departments")
    @PreAuthorize("hasRole('CITY_ADMIN')")
    ResponseEntity<DepartmentView> createDepartment(@Valid @RequestBody DepartmentRequest request) {
        return regions.createDepartment(request.id(), request.name(), request.safetyStaff(), scopes.current())
                .toResponse("/api/v1/departments/" + request.id(), DepartmentView::of);
    }

    /** Updates the department's reported in-house safety staff count (null: not reported). */
    @PutMapping("/departments/{id}/staffing")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','DEPARTMENT_OFFICER')")
    DepartmentView changeDepartmentStaffing(@PathVariable String id,
                                            @Valid @RequestBody DepartmentStaffingRequest request) {
        return DepartmentView.of(regions.changeDepartmentStaffing(id, request.safetyStaff(), scopes.current()));
    }

    @GetMapping("/departments")
    PageResponse<DepartmentView> departments(@SortableBy(value = {"id", "name"}, byDefault = "id,asc",
            defaultSize = 50) PageQuery page) {
        return PageResponse.of(regions.departments(page), DepartmentView::of);
    }

    record TownRequest(@NotBlank @Pattern(regexp = ID) String id, @NotBlank @Size(max = 100) String name,
                       @Schema(allowableValues = {"TOWN", "SUBDISTRICT", "DEVELOPMENT_ZONE", "HIGH_TECH_ZONE", "PARK"})
                       @NotBlank @Size(max = 50) String kind, @Min(0) @Max(100_000) Integer safetyStaff,
                       @Min(0) @Max(100_000) Integer fireStaff) {
    }

    record StaffingRequest(@Min(0) @Max(100_000) Integer safetyStaff, @Min(0) @Max(100_000) Integer fireStaff) {
    }

    record VillageRequest(@NotBlank @Pattern(regexp = ID) String id, @NotBlank @Size(max = 64) String townId,
                          @NotBlank @Size(max = 100) String name) {
    }

    record GridRequest(@NotBlank @Pattern(regexp = ID) String id, @NotBlank @Size(max = 64) String villageId,
                       @NotBlank @Size(max = 100) String name) {
    }

    record UnitRequest(@NotBlank @Pattern(regexp = ID) String id, @NotBlank @Size(max = 64) String gridId,
                       @NotBlank @Size(max = 100) String name,
                       @Schema(allowableValues = {"GENERAL", "KEY"}) @NotBlank @Size(max = 50) String kind) {
    }

    record VillageChange(@NotBlank @Size(max = 100) String name, @Size(max = 64) String townId) {
    }

    record GridChange(@NotBlank @Size(max = 100) String name, @Size(max = 64) String villageId) {
    }

    record UnitChange(@NotBlank @Size(max = 100) String name,
                      @Schema(allowableValues = {"GENERAL", "KEY"}) @NotBlank @Size(max = 50) String kind,
                      @Size(max = 64) String gridId) {
    }

    record DepartmentStaffingRequest(@Min(0) @Max(100_000) Integer safetyStaff) {
    }

    record DepartmentRequest(@NotBlank @Pattern(regexp = ID) String id, @NotBlank @Size(max = 100) String name,
                             @Min(0) @Max(100_000) Integer safetyStaff) {
    }

    record NodeView(String id, String level, String kind, String name, String parentId, String townId,
                    Integer safetyStaff, Integer fireStaff, long revision, Instant changedAt, Instant retiredAt) {
        static NodeView of(RegionNode n) {
            return new NodeView(n.id(), n.level(), n.kind(), n.name(), n.parentId(), n.townId(), n.safetyStaff(),
                    n.fireStaff(), n.revision(), n.changedAt(), n.retiredAt());
        }
    }

    record UnitView(String id, String name, String kind, String gridId, String villageId, String townId,
                    long revision, Instant retiredAt) {
        static UnitView of(PatrolUnit u) {
            return new UnitView(u.id(), u.name(), u.kind(), u.gridId(), u.villageId(), u.townId(), u.revision(),
                    u.retiredAt());
        }
    }

    record DepartmentView(String id, String name, Integer safetyStaff) {
        static DepartmentView of(Department d) {
            return new DepartmentView(d.id(), d.name(), d.safetyStaff());
        }
    }
}
