package org.liuhua.grid.inspector;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.liuhua.grid.Pages;
import org.liuhua.grid.Saved;
import org.liuhua.grid.region.PatrolUnit;
import org.liuhua.grid.region.Regions;
import org.liuhua.grid.scope.CallerScope;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Inspectors and their unit bindings (G-3). */
@Service
public class Inspectors {

    private final MongoTemplate mongo;
    private final Regions regions;
    private final Clock clock;

    Inspectors(MongoTemplate mongo, Regions regions, Clock clock) {
        this.mongo = mongo;
        this.regions = regions;
        this.clock = clock;
    }

    public Saved<Inspector> register(String id, String name, String employment, String townId, String phone,
                                     CallerScope scope) {
        if (!Inspector.EMPLOYMENTS.contains(employment)) {
            throw new InvalidInputException("employment", "must be one of " + Inspector.EMPLOYMENTS);
        }
        if (regions.findTown(townId).isEmpty()) {
            throw new InvalidInputException("townId", "no town " + townId);
        }
        scope.requireWriteTown(townId);
        String inspectorId = id == null || id.isBlank() ? "insp-" + UUID.randomUUID() : id;
        Inspector inspector = Inspector.register(inspectorId, name, employment, townId, phone, clock.instant());
        Inspector existing = mongo.findById(inspectorId, Inspector.class);
        if (existing != null) {
            if (existing.sameAs(inspector)) {
                return Saved.unchanged(existing);
            }
            throw new ConflictException("inspector " + inspectorId + " exists with different content");
        }
        return Saved.created(mongo.insert(inspector));
    }

    public Inspector bind(String id, String unitId, Instant since, CallerScope scope) {
        return retry(() -> {
            Inspector inspector = get(id, scope);
            scope.requireWriteTown(inspector.townId());
            PatrolUnit unit = regions.findUnit(unitId)
                    .orElseThrow(() -> new InvalidInputException("unitId", "no patrol unit " + unitId));
            if (!unit.townId().equals(inspector.townId())) {
                throw new InvalidInputException("unitId", "unit " + unitId + " is not in the inspector's town");
            }
            if (inspector.bind(unitId, since == null ? clock.instant() : since, scope.caller().username())) {
                return mongo.save(inspector);
            }
            return inspector;
        });
    }

    public Inspector unbind(String id, String unitId, Instant at, CallerScope scope) {
        return retry(() -> {
            Inspector inspector = get(id, scope);
            scope.requireWriteTown(inspector.townId());
            if (inspector.unbind(unitId, at == null ? clock.instant() : at, scope.caller().username())) {
                return mongo.save(inspector);
            }
            throw new NotFoundException("current binding to unit " + unitId + " of inspector", id);
        });
    }

    public Inspector get(String id, CallerScope scope) {
        Inspector inspector = mongo.findById(id, Inspector.class);
        if (inspector == null || !(scope.seesTown(inspector.townId())
                || id.equals(scope.caller().inspectorId()))) {
            throw new NotFoundException("inspector", id);
        }
        return inspector;
    }

    public Optional<Inspector> find(String id) {
        return Optional.ofNullable(id == null ? null : mongo.findById(id, Inspector.class));
    }

    /** Inspectors bound (now or ever) to the unit; callers filter by date. */
    public List<Inspector> ofUnit(String unitId) {
        return mongo.find(new Query(Criteria.where("unitBindings.unitId").is(unitId)), Inspector.class);
    }

    public List<Inspector> ofTown(String townId) {
        return mongo.find(new Query(Criteria.where("townId").is(townId)), Inspector.class);
    }

    public Page<Inspector> list(String townId, String unitId, String employment, CallerScope scope,
                                Pageable pageable) {
        Criteria c = new Criteria();
        String filter = scope.townFilter();
        if (filter != null) {
            c.and("townId").is(townId != null && !townId.equals(filter) ? "\u0000none" : filter);
        } else if (townId != null) {
            c.and("townId").is(townId);
        }
        if (unitId != null) {
            c.and("unitBindings").elemMatch(Criteria.where("unitId").is(unitId).and("until").is(null));
        }
        if (employment != null) {
            c.and("employment").is(employment);
        }
        return Pages.page(mongo, new Query(c), pageable, Inspector.class);
    }

    private <T> T retry(java.util.function.Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }
}
