package org.liuhua.grid.patrol;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

import org.liuhua.grid.GridProperties;
import org.liuhua.grid.checklist.ChecklistItemCodes;
import org.liuhua.grid.Saved;
import org.liuhua.grid.establishment.Establishments;
import org.liuhua.grid.establishment.domain.Establishment;
import org.liuhua.grid.inspector.Inspectors;
import org.liuhua.grid.inspector.domain.Inspector;
import org.liuhua.grid.patrol.domain.CheckIn;
import org.liuhua.grid.patrol.domain.Finding;
import org.liuhua.grid.patrol.domain.Geo;
import org.liuhua.grid.patrol.domain.Patrol;
import org.liuhua.grid.region.Regions;
import org.liuhua.grid.region.domain.PatrolUnit;
import org.liuhua.grid.scope.CallerScope;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.web.PageQuery;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Patrols with proof of visit (G-5). Every command is idempotent on the client-generated ids. */
@Service
public class Patrols {

    public static final int MAX_TRACK_POINTS = 5000;

    private final AggregateStore<Patrol> store;
    private final MongoTemplate mongo;
    private final Regions regions;
    private final Inspectors inspectors;
    private final Establishments establishments;
    private final ChecklistItemCodes checklistItems;
    private final GridProperties properties;
    private final Clock clock;

    Patrols(AggregateStore<Patrol> store, MongoTemplate mongo, Regions regions, Inspectors inspectors,
            Establishments establishments, ChecklistItemCodes checklistItems, GridProperties properties,
            Clock clock) {
        this.store = store;
        this.mongo = mongo;
        this.regions = regions;
        this.inspectors = inspectors;
        this.establishments = establishments;
        this.checklistItems = checklistItems;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Device times are kept to the millisecond, as MongoDB stores them, so that a re-sent patrol compares equal to
     * the stored one whatever precision the app sends.
     */
    static Instant toMillis(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MILLIS);
    }

    public record NewCheckIn(String checkInId, String establishmentId, double latitude, double longitude,
                             Instant deviceTime) {
        public NewCheckIn {
            deviceTime = toMillis(deviceTime);
        }
    }

    public record NewFinding(String findingId, String establishmentId, String category, String severity,
                             String description, String checklistItemId, Instant deviceTime) {
        public NewFinding {
            deviceTime = toMillis(deviceTime);
            checklistItemId = checklistItemId == null || checklistItemId.isBlank() ? null : checklistItemId;
        }
    }

    /** Starts a patrol; the inspector is the caller, or for the city admin the given {@code inspectorId}. */
    public Saved<Patrol> start(String id, String unitId, Instant deviceStartedAt, String inspectorId,
                               CallerScope scope) {
        Instant startedAt = toMillis(deviceStartedAt);
        String who = inspectorOf(inspectorId, scope);
        Inspector inspector = inspectors.find(who)
                .orElseThrow(() -> new InvalidInputException("inspectorId", "no inspector " + who));
        PatrolUnit unit = regions.findUnit(unitId)
                .orElseThrow(() -> new InvalidInputException("unitId", "no patrol unit " + unitId));
        if (!inspector.boundAt(unitId, startedAt) && !inspector.currentUnitIds().contains(unitId)) {
            throw new InvalidInputException("unitId", "inspector " + who + " is not bound to unit " + unitId);
        }
        return Saved.insertOnce(store, Patrol.start(id, who, unitId, unit.townId(), startedAt, clock.instant()),
                existing -> existing.sameStart(who, unitId, startedAt),
                () -> new ConflictException("patrol " + id + " exists with different content"));
    }

    /** Stores a batch of track points; a re-sent batch (same batch id) is reported as not new. */
    public boolean track(String patrolId, String batchId, List<TrackBatch.TrackPoint> points, CallerScope scope) {
        Patrol patrol = get(patrolId, scope);
        requireOwn(patrol, scope);
        if (points.size() > MAX_TRACK_POINTS) {
            throw new InvalidInputException("points", "a batch holds at most " + MAX_TRACK_POINTS + " points");
        }
        try {
            mongo.insert(new TrackBatch(patrol.id() + ":" + batchId, patrol.id(), batchId, List.copyOf(points),
                    clock.instant()), PatrolStorage.TRACKS);
            return true;
        } catch (DuplicateKeyException resent) {
            return false;
        }
    }

    /** The track batches of a patrol the caller sees, in the order they were received. */
    public Page<TrackBatch> track(String patrolId, CallerScope scope, PageQuery page) {
        Patrol patrol = get(patrolId, scope);
        Query query = new Query(Criteria.where("patrolId").is(patrol.id()));
        long total = mongo.count(query, PatrolStorage.TRACKS);
        return new PageImpl<>(mongo.find(Query.of(query).with(page.pageable()), TrackBatch.class, PatrolStorage.TRACKS),
                page.pageable(), total);
    }

    public Saved<CheckIn> checkIn(String patrolId, NewCheckIn command, CallerScope scope) {
        Establishment establishment = establishments.find(command.establishmentId()).orElseThrow(
                () -> new InvalidInputException("establishmentId", "no establishment " + command.establishmentId()));
        Double distance = establishment.latitude() == null ? null
                : Geo.distanceMeters(command.latitude(), command.longitude(), establishment.latitude(),
                establishment.longitude());
        boolean proven = distance != null && distance <= properties.proofDistanceMeters();
        CheckIn checkIn = new CheckIn(command.checkInId(), command.establishmentId(), command.latitude(),
                command.longitude(), command.deviceTime(), clock.instant(), distance, proven);
        return change(patrolId, scope, patrol -> patrol.checkIn(checkIn)).map(p -> p.checkIn(command.checkInId()));
    }

    public Saved<Finding> record(String patrolId, NewFinding command, CallerScope scope) {
        if (establishments.find(command.establishmentId()).isEmpty()) {
            throw new InvalidInputException("establishmentId", "no establishment " + command.establishmentId());
        }
        if (command.checklistItemId() != null && !checklistItems.known(command.checklistItemId())) {
            throw new InvalidInputException("checklistItemId", "no checklist item " + command.checklistItemId()
                    + " (codes are the ones manual-service publishes)");
        }
        Finding finding = new Finding(command.findingId(), command.establishmentId(), command.category(),
                command.severity() == null ? "GENERAL" : command.severity(), command.description(),
                command.checklistItemId(), command.deviceTime(), clock.instant());
        if (!Patrol.SEVERITIES.contains(finding.severity())) {
            throw new InvalidInputException("severity", "must be one of " + Patrol.SEVERITIES);
        }
        return change(patrolId, scope, patrol -> patrol.record(finding, clock.instant()))
                .map(p -> p.finding(command.findingId()));
    }

    public Saved<Patrol> complete(String patrolId, Instant deviceTime, CallerScope scope) {
        return change(patrolId, scope, patrol -> patrol.complete(toMillis(deviceTime), clock.instant()));
    }

    /** A whole patrol recorded offline, sent at once; each part is idempotent on its own id. */
    public Patrol sync(String id, String unitId, Instant startedAt, Instant completedAt, String inspectorId,
                       List<TrackBatch.TrackPoint> track, List<NewCheckIn> checkIns, List<NewFinding> findings,
                       CallerScope scope) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < checkIns.size(); i++) {
            if (establishments.find(checkIns.get(i).establishmentId()).isEmpty()) {
                problems.add(new FieldProblem("checkIns[" + i + "].establishmentId",
                        "no establishment " + checkIns.get(i).establishmentId()));
            }
        }
        for (int i = 0; i < findings.size(); i++) {
            if (establishments.find(findings.get(i).establishmentId()).isEmpty()) {
                problems.add(new FieldProblem("findings[" + i + "].establishmentId",
                        "no establishment " + findings.get(i).establishmentId()));
            }
            problems.addAll(checklistItems.problems("findings[" + i + "].checklistItemId",
                    findings.get(i).checklistItemId() == null ? List.of()
                            : List.of(findings.get(i).checklistItemId()), false));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        start(id, unitId, startedAt, inspectorId, scope);
        if (track != null && !track.isEmpty()) {
            track(id, "sync", track, scope);
        }
        for (NewCheckIn checkIn : checkIns) {
            checkIn(id, checkIn, scope);
        }
        for (NewFinding finding : findings) {
            record(id, finding, scope);
        }
        if (completedAt != null) {
            complete(id, completedAt, scope);
        }
        return get(id, scope);
    }

    /** A patrol the caller sees, or 404. */
    public Patrol get(String id, CallerScope scope) {
        Patrol patrol = store.findById(id).orElseThrow(() -> new NotFoundException("patrol", id));
        requireVisible(patrol, scope);
        return patrol;
    }

    public Page<Patrol> list(String inspectorId, String unitId, String townId, Instant from, Instant to,
                             CallerScope scope, PageQuery page) {
        Criteria c = new Criteria();
        if (scope.cityWide()) {
            if (townId != null) {
                c.and("townId").is(townId);
            }
        } else if (scope.caller().has(Roles.TOWN_OFFICER) && scope.caller().townId() != null) {
            c.and("townId").is(townId != null && !townId.equals(scope.caller().townId()) ? CallerScope.NONE
                    : scope.caller().townId());
        } else if (scope.isInspector()) {
            c.and("inspectorId").is(scope.caller().inspectorId());
        } else {
            c.and("_id").is(CallerScope.NONE);
        }
        if (inspectorId != null) {
            c.and("inspectorId").is(inspectorId);
        }
        if (unitId != null) {
            c.and("unitId").is(unitId);
        }
        if (from != null || to != null) {
            Criteria started = c.and("startedAt");
            if (from != null) {
                started.gte(from);
            }
            if (to != null) {
                started.lt(to);
            }
        }
        return store.page(new Query(c), page.pageable());
    }

    /** Patrols with a check-in at any of these establishments (for plans and coverage). */
    public List<Patrol> visiting(Collection<String> establishmentIds) {
        return store.find(new Query(Criteria.where("checkIns.establishmentId").in(establishmentIds)));
    }

    public List<Patrol> byInspector(String inspectorId) {
        return store.find(new Query(Criteria.where("inspectorId").is(inspectorId)));
    }

    private static void requireVisible(Patrol patrol, CallerScope scope) {
        boolean sees = scope.cityWide()
                || (scope.caller().has(Roles.TOWN_OFFICER) && patrol.townId().equals(scope.caller().townId()))
                || (scope.isInspector() && patrol.inspectorId().equals(scope.caller().inspectorId()));
        if (!sees) {
            throw new NotFoundException("patrol", patrol.id());
        }
    }

    /** Only the patrol's inspector (or the city admin) records on it. */
    private static void requireOwn(Patrol patrol, CallerScope scope) {
        if (!scope.caller().has(Roles.CITY_ADMIN) && !patrol.inspectorId().equals(scope.caller().inspectorId())) {
            throw new ForbiddenException("only the patrol's inspector records on it");
        }
    }

    /** Applies an idempotent command to a patrol the caller may record on. */
    private Saved<Patrol> change(String id, CallerScope scope, Predicate<Patrol> command) {
        return Saved.change(store, id, "patrol", patrol -> {
            requireVisible(patrol, scope);
            requireOwn(patrol, scope);
            return command.test(patrol);
        });
    }

    private String inspectorOf(String requested, CallerScope scope) {
        if (scope.caller().has(Roles.CITY_ADMIN)) {
            if (requested == null || requested.isBlank()) {
                if (scope.caller().inspectorId() != null) {
                    return scope.caller().inspectorId();
                }
                throw new InvalidInputException("inspectorId", "must be given when the city admin records a patrol");
            }
            return requested;
        }
        if (!scope.isInspector()) {
            throw new ForbiddenException("only inspectors record patrols");
        }
        if (requested != null && !requested.isBlank() && !requested.equals(scope.caller().inspectorId())) {
            throw new ForbiddenException("an inspector records their own patrols only");
        }
        return scope.caller().inspectorId();
    }
}
