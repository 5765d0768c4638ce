package org.liuhua.grid.inspector.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.liuhua.grid.establishment.Establishments;
import org.liuhua.grid.establishment.domain.Establishment;
import org.liuhua.grid.establishment.domain.OfficerBinding;
import org.liuhua.grid.establishment.domain.UnitMembership;
import org.liuhua.grid.inspector.Inspectors;
import org.liuhua.grid.inspector.domain.Inspector;
import org.liuhua.grid.inspector.domain.UnitBinding;
import org.liuhua.grid.region.Regions;
import org.liuhua.grid.scope.CallerScope;
import org.liuhua.grid.scope.Scopes;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The binding archive (实体化管理档案): who was responsible for an establishment, a unit or which units an inspector
 * had, on a date ({@code at}, end of that local day; today when absent).
 */
@RestController
@RequestMapping("/api/v1/bindings")
class BindingController {

    private final Establishments establishments;
    private final Inspectors inspectors;
    private final Regions regions;
    private final Scopes scopes;
    private final CityCalendar calendar;

    BindingController(Establishments establishments, Inspectors inspectors, Regions regions, Scopes scopes,
                      CityCalendar calendar) {
        this.establishments = establishments;
        this.inspectors = inspectors;
        this.regions = regions;
        this.scopes = scopes;
        this.calendar = calendar;
    }

    @GetMapping
    BindingsView bindings(@RequestParam(required = false) String establishmentId,
                          @RequestParam(required = false) String unitId,
                          @RequestParam(required = false) String inspectorId,
                          @RequestParam(required = false) LocalDate at) {
        CallerScope scope = scopes.current();
        Instant instant = at == null ? calendar.now() : calendar.endOf(at).minusNanos(1);
        if (establishmentId != null) {
            Establishment e = establishments.get(establishmentId, scope);
            // the unit it was in on that day (it may have moved since), and that unit's inspectors on that day
            String unitAt = e.membershipAt(instant).map(UnitMembership::unitId).orElse(null);
            List<InspectorOnDuty> onDuty = unitAt == null ? List.of() : inspectorsOf(unitAt, instant, scope);
            return new BindingsView(e.id(), unitAt, null, at, e.officersAt(instant), onDuty, List.of());
        }
        if (unitId != null) {
            regions.unit(unitId, scope);
            return new BindingsView(null, unitId, null, at, List.of(), inspectorsOf(unitId, instant, scope), List.of());
        }
        if (inspectorId != null) {
            Inspector inspector = inspectors.get(inspectorId, scope);
            List<UnitBinding> units = inspector.unitBindings().stream().filter(b -> b.activeAt(instant)).toList();
            return new BindingsView(null, null, inspectorId, at, List.of(), List.of(), units);
        }
        throw new InvalidInputException("establishmentId", "give establishmentId, unitId or inspectorId");
    }

    /** The inspectors bound to the unit on the date; their phone only for those who may read it. */
    private List<InspectorOnDuty> inspectorsOf(String unitId, Instant at, CallerScope scope) {
        return inspectors.ofUnit(unitId).stream()
                .flatMap(i -> i.unitBindings().stream().filter(b -> b.unitId().equals(unitId) && b.activeAt(at))
                        .map(b -> new InspectorOnDuty(i.id(), i.name(), i.employment(),
                                Inspectors.seesPhone(i, scope) ? i.phone() : null, b.unitId(), b.since(),
                                b.until())))
                .toList();
    }

    /** The "双网格员" pair: the inspectors of the establishment's unit and its officers, on the date. */
    record BindingsView(String establishmentId, String unitId, String inspectorId, LocalDate at,
                        List<OfficerBinding> officers, List<InspectorOnDuty> inspectors, List<UnitBinding> units) {
    }

    record InspectorOnDuty(String inspectorId, String name, String employment, String phone, String unitId,
                           Instant since, Instant until) {
    }
}
