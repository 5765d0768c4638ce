package org.liuhua.hazard.hazard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.liuhua.events.grid.PatrolFindingRecorded;
import org.liuhua.hazard.establishment.Establishments;
import org.liuhua.hazard.establishment.KnownEstablishment;
import org.liuhua.hazard.firm.FirmQuality;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Application service of the loop: resolves the caller's scope, loads, lets the aggregate decide, saves (the one
 * document write commits history and events too). Every finding from every source goes through {@link #ingest}.
 */
@Service
public class Hazards {

    private static final Logger log = LoggerFactory.getLogger(Hazards.class);
    static final List<HazardState> OPEN_FOR_RECTIFICATION = List.of(HazardState.REPORTED, HazardState.TRANSFERRED,
            HazardState.RECTIFYING);

    private final HazardRepository repository;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Establishments establishments;
    private final HazardScope scope;
    private final HazardProperties properties;
    private final FirmQuality firmQuality;

    Hazards(HazardRepository repository, MongoTemplate mongo, Clock clock, Establishments establishments,
            HazardScope scope, HazardProperties properties, FirmQuality firmQuality) {
        this.firmQuality = firmQuality;
        this.repository = repository;
        this.mongo = mongo;
        this.clock = clock;
        this.establishments = establishments;
        this.scope = scope;
        this.properties = properties;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- entering the ledger ------------------------------------------------------------------------------------

    public Outcome report(ReportHazard command, Caller caller) {
        Optional<KnownEstablishment> known = establishments.find(command.establishmentId());
        String townId = command.townId();
        String departmentId = null;
        String industry = null;
        if (known.isPresent()) {
            KnownEstablishment e = known.get();
            if (townId != null && e.townId() != null && !townId.equals(e.townId())) {
                throw new InvalidInputException("townId", "establishment " + e.establishmentId()
                        + " is in town " + e.townId() + ", not " + townId);
            }
            townId = e.townId() != null ? e.townId() : townId;
            departmentId = e.departmentId();
            industry = e.industry();
        } else if (!caller.has(Roles.CITY_ADMIN)
                && !(caller.has(Roles.TOWN_OFFICER) && townId != null && townId.equals(caller.townId()))) {
            throw new InvalidInputException("establishmentId", "unknown establishment: " + command.establishmentId());
        }
        if (!scope.covers(caller, command.establishmentId(), townId, departmentId)) {
            throw new ForbiddenException("you may not report hazards for establishment " + command.establishmentId());
        }
        if (!caller.hasAny(Roles.CITY_ADMIN, Roles.TOWN_OFFICER, Roles.DEPARTMENT_OFFICER, Roles.INSPECTOR)
                && command.source() != HazardSource.ENTERPRISE_SELF_CHECK) {
            throw new InvalidInputException("source", "an enterprise reports its own findings as ENTERPRISE_SELF_CHECK");
        }
        Instant now = now();
        Severity severity = command.severity() == null ? Severity.GENERAL : command.severity();
        String sourceKey = command.sourceRef() == null || command.sourceRef().isBlank() ? null
                : command.source() + ":" + command.sourceRef();
        Finding finding = new Finding(command.establishmentId(), townId, departmentId, industry, command.category(),
                severity, command.source(), command.sourceRef(), sourceKey, null, command.description(),
                command.deadline(), now);
        Outcome outcome = ingest(finding, Actor.of(caller));
        return outcome.hazard() != null ? outcome
                : new Outcome(outcome.kind(), outcome.hazardId(), repository.findById(outcome.hazardId()).orElse(null));
    }

    /** A finding recorded on a grid patrol becomes a GRID_PATROL hazard, exactly once per finding id. */
    public Outcome fromPatrol(PatrolFindingRecorded e) {
        Optional<KnownEstablishment> known = establishments.find(e.establishmentId());
        Severity severity = "MAJOR".equalsIgnoreCase(e.severity()) ? Severity.MAJOR : Severity.GENERAL;
        Finding finding = new Finding(e.establishmentId(), known.map(KnownEstablishment::townId).orElse(e.townId()),
                known.map(KnownEstablishment::departmentId).orElse(null),
                known.map(KnownEstablishment::industry).orElse(null), e.category(), severity,
                HazardSource.GRID_PATROL, e.findingId(), "GRID_PATROL:" + e.findingId(), null, e.description(), null,
                e.foundAt());
        Actor inspector = new Actor("inspector:" + e.inspectorId(), e.inspectorId(), Roles.INSPECTOR,
                e.inspectorId(), null);
        Outcome outcome = ingest(finding, inspector);
        log.info("patrol finding {} -> {} {}", e.findingId(), outcome.kind(), outcome.hazardId());
        return outcome;
    }

    public Outcome ingest(Finding finding, Actor actor) {
        return ingestAll(List.of(finding), actor).get(0);
    }

    /**
     * Enters findings in order: a finding whose source key was seen is a DUPLICATE; one matching an open hazard of
     * the same establishment and category within the corroboration window JOINS it; otherwise a ticket is CREATED.
     * Existing keys and open hazards are read once for the whole batch.
     */
    public List<Outcome> ingestAll(List<Finding> findings, Actor actor) {
        Instant now = now();
        List<String> keys = findings.stream().map(Finding::sourceKey).filter(k -> k != null).distinct().toList();
        Map<String, String> seen = new HashMap<>();
        if (!keys.isEmpty()) {
            Query byKey = new Query(new Criteria().orOperator(Criteria.where("sourceKey").in(keys),
                    Criteria.where("corroborations.sourceKey").in(keys)));
            for (Hazard h : mongo.find(byKey, Hazard.class)) {
                if (h.sourceKey() != null) {
                    seen.put(h.sourceKey(), h.id());
                }
                h.corroborations().forEach(c -> {
                    if (c.sourceKey() != null) {
                        seen.put(c.sourceKey(), h.id());
                    }
                });
            }
        }
        List<String> establishmentIds = findings.stream().map(Finding::establishmentId).distinct().toList();
        Query openQuery = new Query(Criteria.where("establishmentId").in(establishmentIds).and("state")
                .ne(HazardState.CLOSED).and("reportedAt").gte(now.minus(properties.corroborationWindow())))
                .with(Sort.by("reportedAt").ascending());
        Map<String, Hazard> open = new LinkedHashMap<>();
        for (Hazard h : mongo.find(openQuery, Hazard.class)) {
            String key = h.establishmentId() + "|" + h.category();
            Hazard current = open.get(key);
            if (current == null || (current.severity() != Severity.MAJOR && h.severity() == Severity.MAJOR)) {
                open.put(key, h); // the oldest open ticket, a major one first
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Finding f : findings) {
            if (f.sourceKey() != null && seen.containsKey(f.sourceKey())) {
                outcomes.add(new Outcome(Outcome.Kind.DUPLICATE, seen.get(f.sourceKey()), null));
                continue;
            }
            String match = f.establishmentId() + "|" + f.category();
            Hazard existing = open.get(match);
            // a MAJOR finding never hides inside an open GENERAL ticket: it opens its own
            if (existing != null && !(f.severity() == Severity.MAJOR && existing.severity() != Severity.MAJOR)) {
                Corroboration c = new Corroboration(f.source(), f.sourceRef(), f.sourceKey(), f.firmId(),
                        actor.subject(), f.description(), now);
                existing.corroborate(c, actor, now);
                existing = repository.save(existing);
                open.put(match, existing);
                if (f.sourceKey() != null) {
                    seen.put(f.sourceKey(), existing.id());
                }
                outcomes.add(new Outcome(Outcome.Kind.JOINED, existing.id(), existing));
                continue;
            }
            LocalDate deadline = f.deadline() != null ? f.deadline()
                    : LocalDate.ofInstant(now, Hazard.CHINA).plusDays(properties.deadlineDays(
                    f.severity() == null ? Severity.GENERAL : f.severity()));
            Hazard created = Hazard.report(f, actor, now, deadline);
            try {
                created = mongo.insert(created);
            } catch (DuplicateKeyException alreadyThere) {
                outcomes.add(new Outcome(Outcome.Kind.DUPLICATE, created.id(), null));
                continue;
            }
            open.put(match, created);
            if (f.sourceKey() != null) {
                seen.put(f.sourceKey(), created.id());
            }
            outcomes.add(new Outcome(Outcome.Kind.CREATED, created.id(), created));
        }
        return outcomes;
    }

    // ---- the loop -------------------------------------------------------------------------------------------------

    public Hazard transfer(String id, boolean toEstablishment, String departmentId, String note, Caller caller) {
        Hazard h = get(id, caller);
        h.transfer(toEstablishment, departmentId, note, Actor.of(caller), now(), properties.acknowledgeWithin());
        return repository.save(h);
    }

    public Hazard acknowledge(String id, String note, Caller caller) {
        Hazard h = get(id, caller);
        if (h.transferredDepartmentId() != null) {
            if (!caller.has(Roles.CITY_ADMIN) && !(caller.has(Roles.DEPARTMENT_OFFICER)
                    && h.transferredDepartmentId().equals(caller.departmentId()))) {
                throw new ForbiddenException("only department " + h.transferredDepartmentId()
                        + " acknowledges this transfer (部门报到)");
            }
        } else if (!caller.hasAny(Roles.CITY_ADMIN, Roles.TOWN_OFFICER, Roles.ENTERPRISE_OFFICER)) {
            throw new ForbiddenException("the establishment or its town acknowledges this transfer");
        }
        h.acknowledge(note, Actor.of(caller), now());
        return repository.save(h);
    }

    public Hazard rectify(String id, Rectification r, String note, List<String> evidenceIds, Caller caller) {
        Hazard h = get(id, caller);
        checkEvidence(h, evidenceIds);
        h.rectify(r, note, evidenceIds, Actor.of(caller), now());
        return repository.save(h);
    }

    public Hazard review(String id, boolean passed, String note, List<String> evidenceIds, Caller caller) {
        Hazard h = get(id, caller);
        checkEvidence(h, evidenceIds);
        h.review(passed, note, evidenceIds, Actor.of(caller), now());
        Hazard saved = repository.save(h);
        if (!passed && saved.firmId() != null) {
            firmQuality.rejectedAtReview(saved.firmId());
        }
        return saved;
    }

    public Hazard enforce(String id, EnforcementKind kind, String caseNumber, BigDecimal penalty, String note,
                          Caller caller) {
        Hazard h = get(id, caller);
        h.enforce(kind, caseNumber, penalty, note, Actor.of(caller), now());
        return repository.save(h);
    }

    public Hazard orderSupervision(String id, String orderNumber, String note, Caller caller) {
        Hazard h = get(id, caller);
        h.orderSupervision(orderNumber, note, Actor.of(caller), now());
        return repository.save(h);
    }

    public Hazard signOff(String id, String note, Caller caller) {
        Hazard h = get(id, caller);
        String department = null;
        if (!caller.has(Roles.CITY_ADMIN)) {
            if (h.supervisingDepartment() == null || !h.supervisingDepartment().equals(caller.departmentId())) {
                throw new ForbiddenException("only the supervising department signs off this hazard");
            }
            department = caller.departmentId();
        }
        h.signOff(department, note, Actor.of(caller), now());
        return repository.save(h);
    }

    public Hazard close(String id, String note, Caller caller) {
        Hazard h = get(id, caller);
        h.close(note, Actor.of(caller), now());
        return repository.save(h);
    }

    /** Attaches stored evidence (the evidence feature calls this after GridFS accepted the bytes). */
    public Hazard addEvidence(Hazard h, String evidenceId, String phase, String sha256, String contentType, long size,
                              Caller caller) {
        h.addEvidence(evidenceId, phase, sha256, contentType, size, Actor.of(caller), now());
        return repository.save(h);
    }

    private static void checkEvidence(Hazard h, List<String> evidenceIds) {
        if (evidenceIds == null) {
            return;
        }
        for (String e : evidenceIds) {
            if (!h.evidenceIds().contains(e)) {
                throw new InvalidInputException("evidenceIds", "evidence " + e + " is not attached to this hazard");
            }
        }
    }

    /** Marks overdue and escalates every open hazard that is due (each step once); returns how many changed. */
    public int escalateDue() {
        Instant now = now();
        int changed = 0;
        LocalDate today = LocalDate.ofInstant(now, Hazard.CHINA);
        Query open = new Query(new Criteria().andOperator(Criteria.where("state").in(OPEN_FOR_RECTIFICATION),
                new Criteria().orOperator(Criteria.where("deadline").lt(today),
                        Criteria.where("acknowledgeBy").lt(now).and("acknowledgedAt").is(null))));
        for (Hazard h : mongo.find(open, Hazard.class)) {
            if (h.escalate(now, properties.escalationStepsDays())) {
                try {
                    repository.save(h);
                    changed++;
                } catch (OptimisticLockingFailureException concurrent) {
                    log.info("hazard {} changed while escalating; the next run picks it up", h.id());
                }
            }
        }
        return changed;
    }

    // ---- queries --------------------------------------------------------------------------------------------------

    /** The hazard if it is within the caller's scope, else 404 (existence is not revealed). */
    public Hazard get(String id, Caller caller) {
        Query query = new Query(Criteria.where("_id").is(id));
        Criteria scoped = scope.of(caller);
        if (scoped != null) {
            query = new Query(new Criteria().andOperator(Criteria.where("_id").is(id), scoped));
        }
        Hazard h = mongo.findOne(query, Hazard.class);
        if (h == null) {
            throw new NotFoundException("hazard", id);
        }
        return h;
    }

    public Page<Hazard> list(HazardFilter f, Pageable pageable, Caller caller) {
        List<Criteria> all = new ArrayList<>();
        Criteria scoped = scope.of(caller);
        if (scoped != null) {
            all.add(scoped);
        }
        if (f.establishmentId() != null) all.add(Criteria.where("establishmentId").is(f.establishmentId()));
        if (f.townId() != null) all.add(Criteria.where("townId").is(f.townId()));
        if (f.departmentId() != null) all.add(Criteria.where("departmentId").is(f.departmentId()));
        if (f.category() != null) all.add(Criteria.where("category").is(f.category()));
        if (f.state() != null) all.add(Criteria.where("state").is(f.state()));
        if (f.source() != null) all.add(Criteria.where("source").is(f.source()));
        if (f.severity() != null) all.add(Criteria.where("severity").is(f.severity()));
        if (f.overdue() != null) all.add(Criteria.where("overdue").is(f.overdue()));
        if (f.from() != null) all.add(Criteria.where("reportedAt").gte(f.from()));
        if (f.to() != null) all.add(Criteria.where("reportedAt").lt(f.to()));
        Query query = all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all));
        long total = mongo.count(query, Hazard.class);
        List<Hazard> items = mongo.find(Query.of(query).with(pageable), Hazard.class);
        return new PageImpl<>(items, pageable, total);
    }

    /** Open (not CLOSED) MAJOR hazards within the caller's scope, oldest first. */
    public List<Hazard> openMajor(String townId, Caller caller) {
        List<Criteria> all = new ArrayList<>();
        Criteria scoped = scope.of(caller);
        if (scoped != null) {
            all.add(scoped);
        }
        all.add(Criteria.where("severity").is(Severity.MAJOR));
        all.add(Criteria.where("state").ne(HazardState.CLOSED));
        if (townId != null) {
            all.add(Criteria.where("townId").is(townId));
        }
        return mongo.find(new Query(new Criteria().andOperator(all)).with(Sort.by("reportedAt").ascending())
                .limit(5000), Hazard.class);
    }

    /** Every hazard of one establishment from every source, within the caller's scope (一页通览). */
    public List<Hazard> ledger(String establishmentId, Caller caller) {
        HazardFilter filter = new HazardFilter(establishmentId, null, null, null, null, null, null, null, null, null);
        return list(filter, org.springframework.data.domain.PageRequest.of(0, 1000, Sort.by("reportedAt")
                .descending()), caller).getContent();
    }
}
