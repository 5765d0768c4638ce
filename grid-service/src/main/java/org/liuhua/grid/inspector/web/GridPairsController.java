package org.liuhua.grid.inspector.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.liuhua.grid.establishment.Establishments;
import org.liuhua.grid.establishment.domain.Establishment;
import org.liuhua.grid.establishment.domain.OfficerBinding;
import org.liuhua.grid.inspector.Inspectors;
import org.liuhua.grid.region.Regions;
import org.liuhua.grid.region.domain.PatrolUnit;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.SortableBy;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public list of a patrol unit's "双网格员" (名单公示, zhangjiagang 2024 网格化/实体化): the grid inspectors now
 * bound to the unit and, per establishment of the unit, its current safety-role holders. Open without a token (the
 * policy has the names shown at the entrance and on the notice board); it carries names, roles and workshops only —
 * no phone numbers, no person or inspector ids. An unknown or retired unit: 404.
 */
@RestController
class GridPairsController {

    private final Regions regions;
    private final Inspectors inspectors;
    private final Establishments establishments;

    GridPairsController(Regions regions, Inspectors inspectors, Establishments establishments) {
        this.regions = regions;
        this.inspectors = inspectors;
        this.establishments = establishments;
    }

    @GetMapping("/api/v1/public/patrol-units/{unitId}/grid-pairs")
    GridPairs gridPairs(@PathVariable String unitId,
                        @SortableBy(value = {"id", "name"}, byDefault = "name,asc", defaultSize = 50) PageQuery page) {
        PatrolUnit unit = regions.findUnit(unitId).filter(u -> !u.retired())
                .orElseThrow(() -> new NotFoundException("patrol unit", unitId));
        List<PublicInspector> onDuty = inspectors.ofUnit(unitId).stream().filter(i -> !i.retired())
                .flatMap(i -> i.unitBindings().stream().filter(b -> b.current() && b.unitId().equals(unitId))
                        .map(b -> new PublicInspector(i.name(), i.employment(), b.since())))
                .sorted(Comparator.comparing(PublicInspector::name)).toList();
        Page<Establishment> members = establishments.pageOfUnit(unitId, page);
        List<PublicEstablishment> items = members.getContent().stream().map(e -> new PublicEstablishment(e.name(),
                e.address(), e.officers().stream().filter(OfficerBinding::current)
                        .sorted(Comparator.comparing(OfficerBinding::role).thenComparing(OfficerBinding::name))
                        .map(b -> new PublicOfficer(b.name(), b.role(), b.workshop(), b.since())).toList()))
                .toList();
        return new GridPairs(unit.id(), unit.name(), unit.kind(), unit.townId(), onDuty, items,
                members.getNumber(), members.getSize(), members.getTotalElements(), members.getTotalPages());
    }

    /** The unit, its inspectors, and a page of its establishments (the one page shape, with the unit beside it). */
    record GridPairs(String unitId, String unitName, String kind, String townId, List<PublicInspector> inspectors,
                     List<PublicEstablishment> items, int page, int size, long totalElements, int totalPages) {
    }

    record PublicInspector(String name, String employment, Instant since) {
    }

    record PublicEstablishment(String name, String address, List<PublicOfficer> officers) {
    }

    record PublicOfficer(String name, String role, String workshop, Instant since) {
    }
}
