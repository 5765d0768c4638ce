package org.liuhua.grid.patrol;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.liuhua.grid.GridRules;
import org.liuhua.grid.Pages;
import org.liuhua.grid.Saved;
import org.liuhua.grid.establishment.Establishment;
import org.liuhua.grid.establishment.Establishments;
import org.liuhua.grid.inspector.Inspector;
import org.liuhua.grid.inspector.Inspectors;
import org.liuhua.grid.region.PatrolUnit;
import org.liuhua.grid.region.Regions;
import org.liuhua.grid.scope.CallerScope;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Patrols with proof of visit (G-5). Every command is idempotent on the client-generated ids. */
@Service
public class Patrols {

    public static final int MAX_TRACK_POINTS = 5000;

    private final MongoTemplate mongo;
    private final Regions regions;
    private final Inspectors inspectors;
    private final Establishments establishments;
    private final GridRules rules;
    private final Clock clock;

    Patrols(MongoTemplate mongo, Regions regions, Inspectors inspectors, Establishments establishments,
            GridRules rules, Clock clock) {
        this.mongo = mongo;
        this.regions = regions;
        this.inspectors = inspectors;
        this.establishments = establishments;
        this.rules = rules;
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
        Patrol existing = mongo.findById(id, Patrol.class);
        if (existing != null) {
            if (existing.sameStart(who, unitId, startedAt)) {
                return Saved.unchanged(existing);
            }
            throw new ConflictException("patrol " + id + " exists with different content");
        }
        try {
            return Saved.created(mongo.insert(Patrol.start(id, who, unitId, unit.townId(), startedAt,
                    clock.instant())));
        } catch (DuplicateKeyException race) {
            Patrol other = mongo.findById(id, Patrol.class);
            if (other != null && other.sameStart(who, unitId, startedAt)) {
                return Saved.unchanged(other);
            }
            throw new ConflictException("patrol " + id + " exists with different content");
        }
    }

    /** Stores a batch of track points; a re-sent batch (same batch id) is reported as not new. */
    public boolean track(String patrolId, String batchId, List<TrackBatch.TrackPoint> points, CallerScope scope) {
        Patrol patrol = own(patrolId, scope);
        if (points.size() > MAX_TRACK_POINTS) {
            throw new InvalidInputException("points", "a batch holds at most " + MAX_TRACK_POINTS + " points");
        }
        try {
            mongo.insert(new TrackBatch(patrol.id() + ":" + batchId, patrol.id(), batchId, List.copyOf(points),
                    clock.instant()));
            return true;
        } catch (DuplicateKeyException resent) {
            return false;
        }
    }

    public List<TrackBatch> track(String patrolId, CallerScope scope) {
        Patrol patrol = get(patrolId, scope);
        return mongo.find(new Query(Criteria.where("patrolId").is(patrol.id())), TrackBatch.class);
    }

    public Saved<CheckIn> checkIn(String patrolId, NewCheckIn command, CallerScope scope) {
        Establishment establishment = establishments.find(command.establishmentId()).orElseThrow(
                () -> new InvalidInputException("establishmentId", "no establishment " + command.establishmentId()));
        Double distance = establishment.latitude() == null ? null
                : Geo.distanceMeters(command.latitude(), command.longitude(), establishment.latitude(),
                establishment.longitude());
        boolean proven = distance != null && distance <= rules.proofDistanceMeters();
        CheckIn checkIn = new CheckIn(command.checkInId(), command.establishmentId(), command.latitude(),
                command.longitude(), command.deviceTime(), clock.instant(), distance, proven);
        return change(patrolId, scope, patrol -> patrol.checkIn(checkIn),
                patrol -> patrol.checkIns().stream().filter(c -> c.checkInId().equals(command.checkInId()))
                        .findFirst().orElseThrow());
    }

    public Saved<Finding> record(String patrolId, NewFinding command, CallerScope scope) {
        if (establishments.find(command.establishmentId()).isEmpty()) {
            throw new InvalidInputException("establishmentId", "no establishment " + command.establishmentId());
        }
        Finding finding = new Finding(command.findingId(), command.establishmentId(), command.category(),
                command.severity() == null ? "GENERAL" : command.severity(), command.description(),
                command.checklistItemId(), command.deviceTime(), clock.instant());
        if (!Patrol.SEVERITIES.contains(finding.severity())) {
            throw new InvalidInputException("severity", "must be one of " + Patrol.SEVERITIES);
        }
        return change(patrolId, scope, patrol -> patrol.record(finding, clock.instant()),
                patrol -> patrol.findings().stream().filter(f -> f.findingId().equals(command.findingId()))
                        .findFirst().orElseThrow());
    }

    public Saved<Patrol> complete(String patrolId, Instant deviceTime, CallerScope scope) {
        return change(patrolId, scope, patrol -> patrol.complete(toMillis(deviceTime), clock.instant()), p -> p);
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

    public Patrol get(String id, CallerScope scope) {
        Patrol patrol = mongo.findById(id, Patrol.class);
        if (patrol == null || !sees(patrol, scope)) {
            throw new NotFoundException("patrol", id);
        }
        return patrol;
    }

    public Page<Patrol> list(String inspectorId, String unitId, String townId, Instant from, Instant to,
                             CallerScope scope, Pageable pageable) {
        Criteria c = new Criteria();
        if (scope.cityWide()) {
            if (townId != null) {
                c.and("townId").is(townId);
            }
        } else if (scope.caller().has(Roles.TOWN_OFFICER) && scope.caller().townId() != null) {
            c.and("townId").is(townId != null && !townId.equals(scope.caller().townId()) ? "\u0000none"
                    : scope.caller().townId());
        } else if (scope.isInspector()) {
            c.and("inspectorId").is(scope.caller().inspectorId());
        } else {
            c.and("_id").is("\u0000none");
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
        return Pages.page(mongo, new Query(c), pageable, Patrol.class);
    }

    /** Patrols with a check-in at any of these establishments (for plans and coverage). */
    public List<Patrol> visiting(Collection<String> establishmentIds) {
        return mongo.find(new Query(Criteria.where("checkIns.establishmentId").in(establishmentIds)), Patrol.class);
    }

    public List<Patrol> byInspector(String inspectorId) {
        return mongo.find(new Query(Criteria.where("inspectorId").is(inspectorId)), Patrol.class);
    }

    private boolean sees(Patrol patrol, CallerScope scope) {
        return scope.cityWide()
                || (scope.caller().has(Roles.TOWN_OFFICER) && patrol.townId().equals(scope.caller().townId()))
                || (scope.isInspector() && patrol.inspectorId().equals(scope.caller().inspectorId()));
    }

    /** The patrol of the calling inspector (or any, for the city admin); others may not add to it. */
    private Patrol own(String id, CallerScope scope) {
        Patrol patrol = get(id, scope);
        if (!scope.caller().has(Roles.CITY_ADMIN) && !patrol.inspectorId().equals(scope.caller().inspectorId())) {
            throw new ForbiddenException("only the patrol's inspector records on it");
        }
        return patrol;
    }

    private <T> Saved<T> change(String id, CallerScope scope, Function<Patrol, Boolean> action,
                                Function<Patrol, T> result) {
        for (int attempt = 1; ; attempt++) {
            Patrol patrol = own(id, scope);
            boolean changed = action.apply(patrol);
            if (!changed) {
                return Saved.unchanged(result.apply(patrol));
            }
            try {
                return Saved.created(result.apply(mongo.save(patrol)));
            } catch (OptimisticLockingFailureException concurrent) {
                if (attempt >= 5) {
                    throw concurrent;
                }
            }
        }
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
