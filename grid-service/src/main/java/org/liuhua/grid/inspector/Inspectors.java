package org.liuhua.grid.inspector;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.liuhua.grid.Saved;
import org.liuhua.grid.TimeBounds;
import org.liuhua.grid.inspector.domain.Inspector;
import org.liuhua.grid.region.Regions;
import org.liuhua.grid.region.domain.PatrolUnit;
import org.liuhua.grid.scope.CallerScope;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.web.PageQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Inspectors and their unit bindings (G-3). */
@Service
public class Inspectors {

    private final AggregateStore<Inspector> store;
    private final Regions regions;
    private final Clock clock;

    Inspectors(AggregateStore<Inspector> store, Regions regions, Clock clock) {
        this.store = store;
        this.regions = regions;
        this.clock = clock;
    }

    public Saved<Inspector> register(String id, String name, String employment, String townId, String phone,
                                     CallerScope scope) {
        String inspectorId = id == null || id.isBlank() ? "insp-" + UUID.randomUUID() : id;
        Inspector inspector = Inspector.register(inspectorId, name, employment, townId, phone, clock.instant());
        if (regions.findTown(townId).isEmpty()) {
            throw new InvalidInputException("townId", "no town " + townId);
        }
        scope.requireWriteTown(townId);
        return Saved.insertOnce(store, inspector, inspector::sameAs,
                () -> new ConflictException("inspector " + inspectorId + " exists with different content"));
    }

    /** Changes an inspector's name, employment and phone (the town stays: a new town is a new registration). */
    public Inspector edit(String id, String name, String employment, String phone, CallerScope scope) {
        return Saved.change(store, id, "inspector", inspector -> {
            requireVisible(inspector, scope);
            scope.requireWriteTown(inspector.townId());
            return inspector.edit(name.trim(), employment, phone, scope.caller().username(), clock.instant());
        }).value();
    }

    /** Retires an inspector from {@code at} (start of a past or present day; now when null), ending their bindings. */
    public Inspector retire(String id, Instant at, String reason, CallerScope scope) {
        Instant from = at == null ? clock.instant() : at;
        List<FieldProblem> problems = new ArrayList<>();
        TimeBounds.past("since", from, clock, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return Saved.change(store, id, "inspector", inspector -> {
            requireVisible(inspector, scope);
            scope.requireWriteTown(inspector.townId());
            return inspector.retire(from, reason, scope.caller().username(), clock.instant());
        }).value();
    }

    public Inspector bind(String id, String unitId, Instant since, CallerScope scope) {
        Instant from = since == null ? clock.instant() : since;
        requireBindingTime(from);
        return Saved.change(store, id, "inspector", inspector -> {
            requireVisible(inspector, scope);
            scope.requireWriteTown(inspector.townId());
            PatrolUnit unit = regions.findUnit(unitId)
                    .orElseThrow(() -> new InvalidInputException("unitId", "no patrol unit " + unitId));
            if (unit.retired()) {
                throw new InvalidInputException("unitId", "patrol unit " + unitId + " is retired");
            }
            if (!unit.townId().equals(inspector.townId())) {
                throw new InvalidInputException("unitId", "unit " + unitId + " is not in the inspector's town");
            }
            return inspector.bind(unitId, from, scope.caller().username());
        }).value();
    }

    public Inspector unbind(String id, String unitId, Instant at, CallerScope scope) {
        Instant until = at == null ? clock.instant() : at;
        requireBindingTime(until);
        return Saved.change(store, id, "inspector", inspector -> {
            requireVisible(inspector, scope);
            scope.requireWriteTown(inspector.townId());
            if (!inspector.unbind(unitId, until, scope.caller().username())) {
                throw new NotFoundException("current binding to unit " + unitId + " of inspector", id);
            }
            return true;
        }).value();
    }

    private void requireBindingTime(Instant time) {
        List<FieldProblem> problems = new ArrayList<>();
        TimeBounds.binding("since", time, clock, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** An inspector of a town the caller sees (or the calling inspector themself), or 404. */
    public Inspector get(String id, CallerScope scope) {
        Inspector inspector = store.findById(id).orElseThrow(() -> new NotFoundException("inspector", id));
        requireVisible(inspector, scope);
        return inspector;
    }

    private static void requireVisible(Inspector inspector, CallerScope scope) {
        if (!scope.seesTown(inspector.townId()) && !inspector.id().equals(scope.caller().inspectorId())) {
            throw new NotFoundException("inspector", inspector.id());
        }
    }

    /**
     * Whether the caller may read this inspector's personal phone number: the city admin, the town officer of the
     * inspector's town and the inspector themself; nobody else (department officers, the cockpit, other inspectors).
     */
    public static boolean seesPhone(Inspector inspector, CallerScope scope) {
        Caller caller = scope.caller();
        return caller.has(Roles.CITY_ADMIN)
                || (caller.has(Roles.TOWN_OFFICER) && inspector.townId().equals(caller.townId()))
                || inspector.id().equals(caller.inspectorId());
    }

    /** An inspector by id regardless of scope (for validation of references). */
    public Optional<Inspector> find(String id) {
        return store.findById(id);
    }

    /** Inspectors bound (now or ever) to the unit; callers filter by date. */
    public List<Inspector> ofUnit(String unitId) {
        return store.find(new Query(Criteria.where("unitBindings.unitId").is(unitId)));
    }

    /** Every inspector of the city (the city-wide ranking). */
    public List<Inspector> all() {
        return store.find(new Query());
    }

    public List<Inspector> ofTown(String townId) {
        return store.find(new Query(Criteria.where("townId").is(townId)));
    }

    public Page<Inspector> list(String townId, String unitId, String employment, CallerScope scope, PageQuery page) {
        Criteria c = scope.restrictToTown(new Criteria(), townId);
        if (employment != null) {
            c.and("employment").is(employment);
        }
        if (unitId != null) {
            c.and("unitBindings").elemMatch(Criteria.where("unitId").is(unitId).and("until").is(null));
        }
        return store.page(new Query(c), page.pageable());
    }
}
