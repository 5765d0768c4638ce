package org.liuhua.grid.patrol;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.bson.Document;
import org.liuhua.grid.GridProperties;
import org.liuhua.grid.TimeBounds;
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
import org.liuhua.events.hazard.EvidenceUploaded;
import org.liuhua.grid.photo.UploadedPhotos;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Patrols with proof of visit (G-5). Every command is idempotent on the client-generated ids. */
@Service
public class Patrols {

    public static final int MAX_TRACK_POINTS = 5000;
    /** At most this many check-ins and this many findings in one {@code /patrols/sync}. */
    public static final int MAX_SYNC_ITEMS = 200;

    private final AggregateStore<Patrol> store;
    private final MongoTemplate mongo;
    private final Regions regions;
    private final Inspectors inspectors;
    private final Establishments establishments;
    private final ChecklistItemCodes checklistItems;
    private final UploadedPhotos photos;
    private final PatrolProperties patrolProperties;
    private final GridProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    Patrols(AggregateStore<Patrol> store, MongoTemplate mongo, Regions regions, Inspectors inspectors,
            Establishments establishments, ChecklistItemCodes checklistItems, UploadedPhotos photos,
            PatrolProperties patrolProperties, GridProperties properties, Clock clock,
            ApplicationEventPublisher publisher) {
        this.photos = photos;
        this.patrolProperties = patrolProperties;
        this.publisher = publisher;
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
                             String description, String checklistItemId, Instant deviceTime,
                             List<String> photoIds) {
        public NewFinding {
            photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
            deviceTime = toMillis(deviceTime);
            severity = severity == null ? "GENERAL" : severity;
            checklistItemId = checklistItemId == null || checklistItemId.isBlank() ? null : checklistItemId;
        }
    }

    /** Starts a patrol; the inspector is the caller, or for the city admin the given {@code inspectorId}. */
    public Saved<Patrol> start(String id, String unitId, Instant deviceStartedAt, String inspectorId,
                               CallerScope scope) {
        Instant startedAt = toMillis(deviceStartedAt);
        String who = inspectorOf(inspectorId, scope);
        List<FieldProblem> problems = new ArrayList<>();
        TimeBounds.device("startedAt", startedAt, clock, problems);
        requireNone(problems);
        Inspector inspector = inspector(who);
        PatrolUnit unit = unitFor(inspector, unitId, startedAt, scope);
        return Saved.insertOnce(store, Patrol.start(id, who, unitId, unit.townId(), startedAt, clock.instant()),
                existing -> existing.sameStart(who, unitId, startedAt),
                () -> new ConflictException("patrol " + id + " exists with different content"));
    }

    /** Stores a batch of track points; a re-sent batch (same batch id) is reported as not new. */
    public boolean track(String patrolId, String batchId, List<TrackBatch.TrackPoint> points, CallerScope scope) {
        Patrol patrol = get(patrolId, scope);
        requireOwn(patrol, scope);
        List<FieldProblem> problems = new ArrayList<>();
        if (points.size() > MAX_TRACK_POINTS) {
            problems.add(new FieldProblem("points", "a batch holds at most " + MAX_TRACK_POINTS + " points"));
        } else {
            trackProblems("points", points, problems);
        }
        requireNone(problems);
        return storeTrack(patrol.id(), batchId, points);
    }

    private boolean storeTrack(String patrolId, String batchId, List<TrackBatch.TrackPoint> points) {
        try {
            mongo.insert(new TrackBatch(patrolId + ":" + batchId, patrolId, batchId, List.copyOf(points),
                    clock.instant()), PatrolStorage.TRACKS);
            return true;
        } catch (DuplicateKeyException resent) {
            return false;
        }
    }

    /**
     * Stores the track of a sync. A phone re-sends its whole track with every sync (the old points and the new
     * ones), so the points are kept in batches by the {@value #SYNC_BUCKET_MINUTES}-minute slot of their device time,
     * {@code _id} = {@code patrolId:sync-<slot start>}: each slot is an upsert that adds the points it does not hold
     * yet ({@code $addToSet}), so a re-sync with more points keeps them all and a repeated one adds nothing. Only
     * {@code _id} is read or written.
     */
    private void storeSyncTrack(String patrolId, List<TrackBatch.TrackPoint> track) {
        Map<Instant, List<TrackBatch.TrackPoint>> slots = new TreeMap<>();
        for (TrackBatch.TrackPoint point : track) {
            TrackBatch.TrackPoint p = new TrackBatch.TrackPoint(point.lat(), point.lon(),
                    toMillis(point.deviceTime()));
            long slotMillis = SYNC_BUCKET_MINUTES * 60_000L;
            Instant slot = Instant.ofEpochMilli(Math.floorDiv(p.deviceTime().toEpochMilli(), slotMillis) * slotMillis);
            slots.computeIfAbsent(slot, s -> new ArrayList<>()).add(p);
        }
        Instant now = clock.instant();
        slots.forEach((slot, points) -> {
            String batchId = "sync-" + slot;
            mongo.upsert(new Query(Criteria.where("_id").is(patrolId + ":" + batchId)),
                    new Update().setOnInsert("patrolId", patrolId).setOnInsert("batchId", batchId)
                            .setOnInsert("receivedAt", now).addToSet("points").each(points.toArray()),
                    TrackBatch.class, PatrolStorage.TRACKS);
        });
    }

    /** The slot of device time the points of a sync are batched by. */
    static final int SYNC_BUCKET_MINUTES = 10;

    private void trackProblems(String field, List<TrackBatch.TrackPoint> points, List<FieldProblem> problems) {
        for (int i = 0; i < points.size(); i++) {
            TimeBounds.device(field + "[" + i + "].deviceTime", points.get(i).deviceTime(), clock, problems);
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

    /**
     * A check-in on a patrol the caller records on. The establishment must be one of the patrol's unit or of the
     * inspector's units; any other answers exactly as an unknown one.
     */
    public Saved<CheckIn> checkIn(String patrolId, NewCheckIn command, CallerScope scope) {
        Patrol patrol = get(patrolId, scope);
        requireOwn(patrol, scope);
        List<FieldProblem> problems = new ArrayList<>();
        CheckIn checkIn = checkInOf("", command, patrol.unitId(), inspectors.find(patrol.inspectorId()).orElse(null),
                clock.instant(), problems, establishments::find);
        requireNone(problems);
        return change(patrolId, scope, p -> p.checkIn(checkIn)).map(p -> p.checkIn(command.checkInId()));
    }

    /** A finding on a patrol the caller records on; its establishment as for a check-in. */
    public Saved<Finding> record(String patrolId, NewFinding command, CallerScope scope) {
        Patrol patrol = get(patrolId, scope);
        requireOwn(patrol, scope);
        List<FieldProblem> problems = new ArrayList<>();
        Finding finding = findingOf("", command, patrol.unitId(), inspectors.find(patrol.inspectorId()).orElse(null),
                clock.instant(), problems, establishments::find);
        requireNone(problems);
        requirePhotos(List.of(""), List.of(command), patrol, patrol.inspectorId());
        return change(patrolId, scope, p -> p.record(finding, clock.instant()))
                .map(p -> p.finding(command.findingId()));
    }

    /**
     * Corrects a finding (category, severity, description, checklist item) until grid-service has learnt that it
     * became a hazard or joined one (hazard-service's {@code reported}/{@code corroborated} events): then 409
     * BECAME_HAZARD, and the hazard is corrected in hazard-service.
     */
    public Saved<Finding> correct(String patrolId, String findingId, String category, String severity,
                                  String description, String checklistItemId, CallerScope scope) {
        Patrol patrol = get(patrolId, scope);
        requireOwn(patrol, scope);
        String level = severity == null ? "GENERAL" : severity;
        String code = checklistItemId == null || checklistItemId.isBlank() ? null : checklistItemId;
        List<FieldProblem> problems = new ArrayList<>();
        if (!Patrol.SEVERITIES.contains(level)) {
            problems.add(new FieldProblem("severity", "must be one of " + Patrol.SEVERITIES));
        }
        if (code != null) {
            problems.addAll(checklistItems.problems("checklistItemId", List.of(code), false));
        }
        requireNone(problems);
        patrol.finding(findingId, () -> new NotFoundException("finding " + findingId + " of patrol", patrolId));
        requireNotHazard(patrolId, findingId);
        String by = scope.caller().username();
        return change(patrolId, scope, p -> p.correct(findingId, category, level, description, code, by,
                clock.instant())).map(p -> p.finding(findingId));
    }

    /** Withdraws a finding recorded by mistake, under the same rule as {@link #correct}. */
    public Saved<Finding> withdraw(String patrolId, String findingId, String reason, CallerScope scope) {
        Patrol patrol = get(patrolId, scope);
        requireOwn(patrol, scope);
        patrol.finding(findingId, () -> new NotFoundException("finding " + findingId + " of patrol", patrolId));
        requireNotHazard(patrolId, findingId);
        String by = scope.caller().username();
        return change(patrolId, scope, p -> p.withdraw(findingId, reason, by, clock.instant()))
                .map(p -> p.finding(findingId));
    }

    /**
     * Refuses when the plan feature has recorded that this finding became (or joined) a hazard: its marker in
     * {@code finding_hazards}, read by {@code _id} as a plain document (the plan feature builds on this one).
     */
    private void requireNotHazard(String patrolId, String findingId) {
        Document marker = mongo.findById(FINDING_MARKER + Patrol.findingKey(patrolId, findingId), Document.class,
                FINDING_HAZARDS);
        if (marker != null) {
            throw new ConflictException("finding " + findingId + " has become hazard " + marker.getString("hazardId")
                    + "; correct the hazard instead", "BECAME_HAZARD",
                    List.of("/api/v1/hazards/" + marker.getString("hazardId")));
        }
    }

    /** The plan feature's collection and the {@code _id} prefix of its became-a-hazard markers. */
    static final String FINDING_HAZARDS = "finding_hazards";
    static final String FINDING_MARKER = "finding:";

    public Saved<Patrol> complete(String patrolId, Instant deviceTime, CallerScope scope) {
        List<FieldProblem> problems = new ArrayList<>();
        TimeBounds.device("deviceTime", deviceTime, clock, problems);
        requireNone(problems);
        return change(patrolId, scope, patrol -> patrol.complete(toMillis(deviceTime), clock.instant()));
    }

    /** Outcome of one check-in or finding of a sync. */
    public record ItemResult(String id, String status) {
        public static final String CREATED = "CREATED";
        public static final String DUPLICATE = "DUPLICATE";
    }

    /** A synced patrol with the outcome of each of its check-ins and findings, in the order sent. */
    public record SyncResult(Patrol patrol, boolean created, List<ItemResult> checkIns, List<ItemResult> findings) {
    }

    /**
     * A whole patrol recorded offline, sent at once; each part is idempotent on its own id (a part already stored
     * is answered DUPLICATE). The whole request is checked before anything is written and the patrol (start,
     * check-ins, findings, completion) is written at once, so a refused sync stores nothing.
     */
    public SyncResult sync(String id, String unitId, Instant startedAt, Instant completedAt, String inspectorId,
                           List<TrackBatch.TrackPoint> track, List<NewCheckIn> checkIns, List<NewFinding> findings,
                           CallerScope scope) {
        String who = inspectorOf(inspectorId, scope);
        Instant started = toMillis(startedAt);
        Instant completed = toMillis(completedAt);
        List<FieldProblem> problems = new ArrayList<>();
        if (checkIns.size() > MAX_SYNC_ITEMS) {
            problems.add(new FieldProblem("checkIns", "a sync holds at most " + MAX_SYNC_ITEMS + " check-ins"));
        }
        if (findings.size() > MAX_SYNC_ITEMS) {
            problems.add(new FieldProblem("findings", "a sync holds at most " + MAX_SYNC_ITEMS + " findings"));
        }
        if (track.size() > MAX_TRACK_POINTS) {
            problems.add(new FieldProblem("track", "a sync holds at most " + MAX_TRACK_POINTS + " points"));
        }
        requireNone(problems);
        TimeBounds.device("startedAt", started, clock, problems);
        TimeBounds.device("completedAt", completed, clock, problems);
        if (started != null && completed != null && completed.isBefore(started)) {
            problems.add(new FieldProblem("completedAt", "is before the patrol started"));
        }
        trackProblems("track", track, problems);
        requireNone(problems);
        Inspector inspector = inspector(who);
        PatrolUnit unit = unitFor(inspector, unitId, started, scope);
        Instant now = clock.instant();
        // the establishments the patrol names, read at once (a patrol visits several, often more than once)
        Set<String> named = new HashSet<>();
        checkIns.forEach(c -> named.add(c.establishmentId()));
        findings.forEach(f -> named.add(f.establishmentId()));
        named.remove(null);
        Map<String, Establishment> register = establishments.findAll(named);
        Function<String, Optional<Establishment>> known = establishmentId -> Optional.ofNullable(
                register.get(establishmentId));
        List<CheckIn> newCheckIns = new ArrayList<>();
        for (int i = 0; i < checkIns.size(); i++) {
            newCheckIns.add(checkInOf("checkIns[" + i + "].", checkIns.get(i), unitId, inspector, now, problems,
                    known));
        }
        List<Finding> newFindings = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            prefixes.add("findings[" + i + "].");
            newFindings.add(findingOf(prefixes.get(i), findings.get(i), unitId, inspector, now, problems, known));
        }
        requireNone(problems);

        Optional<Patrol> existing = store.findById(id);
        requirePhotos(prefixes, findings, existing.filter(p -> p.sameStart(who, unitId, started)).orElse(null), who);
        if (existing.isEmpty()) {
            // every rule is checked on the new patrol before its one insert
            Patrol patrol = Patrol.start(id, who, unitId, unit.townId(), started, now);
            Applied applied = apply(patrol, newCheckIns, newFindings, completed, now);
            try {
                store.insert(patrol);
                storeSyncTrack(id, track);
                publisher.publishEvent(new PatrolRecorded(patrol));
                return new SyncResult(patrol, true, applied.checkIns(), applied.findings());
            } catch (DuplicateKeyException concurrent) {
                // the same patrol arrived at the same time: add to the stored one as to any existing patrol
            }
        }
        AtomicReference<Applied> outcome = new AtomicReference<>();
        Saved<Patrol> saved = Saved.change(store, id, "patrol", patrol -> {
            if (!patrol.sameStart(who, unitId, started)) {
                throw new ConflictException("patrol " + id + " exists with different content");
            }
            requireVisible(patrol, scope);
            requireOwn(patrol, scope);
            outcome.set(apply(patrol, newCheckIns, newFindings, completed, now));
            return outcome.get().changed();
        });
        storeSyncTrack(id, track);
        publisher.publishEvent(new PatrolRecorded(saved.value()));
        return new SyncResult(saved.value(), false, outcome.get().checkIns(), outcome.get().findings());
    }

    private record Applied(List<ItemResult> checkIns, List<ItemResult> findings, boolean changed) {
    }

    /** Applies a sync's parts to a patrol in memory (throws, changing nothing stored, when a rule is broken). */
    private static Applied apply(Patrol patrol, List<CheckIn> checkIns, List<Finding> findings, Instant completedAt,
                                 Instant now) {
        boolean changed = false;
        List<ItemResult> checkInResults = new ArrayList<>();
        for (CheckIn checkIn : checkIns) {
            boolean added = patrol.checkIn(checkIn);
            changed |= added;
            checkInResults.add(new ItemResult(checkIn.checkInId(), added ? ItemResult.CREATED : ItemResult.DUPLICATE));
        }
        List<ItemResult> findingResults = new ArrayList<>();
        for (Finding finding : findings) {
            boolean added = patrol.record(finding, now);
            changed |= added;
            findingResults.add(new ItemResult(finding.findingId(), added ? ItemResult.CREATED : ItemResult.DUPLICATE));
        }
        if (completedAt != null) {
            changed |= patrol.complete(completedAt, now);
        }
        return new Applied(List.copyOf(checkInResults), List.copyOf(findingResults), changed);
    }

    /**
     * Every photo a finding names must be one hazard-service announced as uploaded by the patrol's inspector
     * ({@code inspector:<id>}, ADR 0012), else 400 naming {@code <prefix>photoIds[j]}: another owner's photo at once,
     * an unknown one after waiting {@code liuhua.grid.patrols.photo-wait} for its event. A finding the patrol already
     * holds with the same photos is a re-send (DUPLICATE, nothing is written) and is not checked again. Runs after
     * every other check, so a request refused for anything else does not wait.
     */
    private void requirePhotos(List<String> prefixes, List<NewFinding> findings, Patrol stored, String inspectorId) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            NewFinding finding = findings.get(i);
            if (finding.photoIds().isEmpty() || (stored != null && stored.findings().stream().anyMatch(f ->
                    f.findingId().equals(finding.findingId()) && f.photoIds().equals(finding.photoIds())))) {
                continue;
            }
            for (int j = 0; j < finding.photoIds().size(); j++) {
                named.put(prefixes.get(i) + "photoIds[" + j + "]", finding.photoIds().get(j));
            }
        }
        requireNone(photos.problems(named, EvidenceUploaded.inspectorOwner(inspectorId), patrolProperties.photoWait()));
    }

    /** Checks a check-in (problems named with {@code prefix}) and builds it; null when it has a problem. */
    private CheckIn checkInOf(String prefix, NewCheckIn command, String unitId, Inspector inspector, Instant now,
                              List<FieldProblem> problems, Function<String, Optional<Establishment>> register) {
        int before = problems.size();
        TimeBounds.device(prefix + "deviceTime", command.deviceTime(), clock, problems);
        Establishment establishment = visitable(prefix + "establishmentId", command.establishmentId(), unitId,
                inspector, command.deviceTime(), problems, register);
        if (problems.size() > before) {
            return null;
        }
        Double distance = establishment.latitude() == null ? null
                : Geo.distanceMeters(command.latitude(), command.longitude(), establishment.latitude(),
                establishment.longitude());
        boolean proven = distance != null && distance <= properties.proofDistanceMeters();
        return new CheckIn(command.checkInId(), command.establishmentId(), command.latitude(), command.longitude(),
                command.deviceTime(), now, distance, proven);
    }

    /** Checks a finding (problems named with {@code prefix}) and builds it; null when it has a problem. */
    private Finding findingOf(String prefix, NewFinding command, String unitId, Inspector inspector, Instant now,
                              List<FieldProblem> problems, Function<String, Optional<Establishment>> register) {
        int before = problems.size();
        TimeBounds.device(prefix + "deviceTime", command.deviceTime(), clock, problems);
        visitable(prefix + "establishmentId", command.establishmentId(), unitId, inspector, command.deviceTime(),
                problems, register);
        if (!Patrol.SEVERITIES.contains(command.severity())) {
            problems.add(new FieldProblem(prefix + "severity", "must be one of " + Patrol.SEVERITIES));
        }
        if (command.checklistItemId() != null) {
            problems.addAll(checklistItems.problems(prefix + "checklistItemId", List.of(command.checklistItemId()),
                    false));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Finding(command.findingId(), command.establishmentId(), command.category(), command.severity(),
                command.description(), command.checklistItemId(), command.deviceTime(), now, command.photoIds());
    }

    /**
     * The establishment when a patrol of this unit and inspector may visit it: one of the patrol's unit or of a unit
     * the inspector is bound to (now or at the device time). Any other, like an unknown id, is a problem
     * "no establishment …", so a patrol cannot tell another town's establishments from ids that do not exist.
     */
    private Establishment visitable(String field, String establishmentId, String unitId, Inspector inspector,
                                    Instant at, List<FieldProblem> problems,
                                    Function<String, Optional<Establishment>> register) {
        Optional<Establishment> establishment = register.apply(establishmentId).filter(e -> e.unitId() != null
                && (e.unitId().equals(unitId) || (inspector != null && (inspector.currentUnitIds().contains(e.unitId())
                || (at != null && inspector.boundAt(e.unitId(), at))))));
        if (establishment.isEmpty()) {
            problems.add(new FieldProblem(field, "no establishment " + establishmentId));
            return null;
        }
        return establishment.get();
    }

    private Inspector inspector(String id) {
        return inspectors.find(id).orElseThrow(() -> new InvalidInputException("inspectorId", "no inspector " + id));
    }

    /**
     * The unit a patrol of this inspector starts in. A unit of a town the caller does not see answers exactly as an
     * unknown unit (so its existence is not revealed); one of the caller's town the inspector is not bound to says so.
     */
    private PatrolUnit unitFor(Inspector inspector, String unitId, Instant startedAt, CallerScope scope) {
        PatrolUnit unit = regions.findUnit(unitId).filter(u -> scope.seesTown(u.townId()))
                .orElseThrow(() -> new InvalidInputException("unitId", "no patrol unit " + unitId));
        if (!inspector.boundAt(unitId, startedAt) && !inspector.currentUnitIds().contains(unitId)) {
            throw new InvalidInputException("unitId", "inspector " + inspector.id() + " is not bound to unit "
                    + unitId);
        }
        return unit;
    }

    private static void requireNone(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(List.copyOf(problems));
        }
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
        Saved<Patrol> saved = Saved.change(store, id, "patrol", patrol -> {
            requireVisible(patrol, scope);
            requireOwn(patrol, scope);
            return command.test(patrol);
        });
        publisher.publishEvent(new PatrolRecorded(saved.value()));
        return saved;
    }

    /**
     * Every stored patrol, in pages of 500 by {@code _id} (a range on {@code _id}, never a skip): for rebuilding the
     * plan's read models once.
     */
    public void forEach(Consumer<Patrol> action) {
        String after = null;
        while (true) {
            Query query = new Query(after == null ? new Criteria() : Criteria.where("_id").gt(after))
                    .with(Sort.by("_id")).limit(500);
            List<Patrol> page = store.find(query);
            page.forEach(action);
            if (page.size() < 500) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /** A patrol by id, regardless of scope (the plan feature's read models: whose finding, in which month). */
    public Optional<Patrol> find(String id) {
        return store.findById(id);
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
