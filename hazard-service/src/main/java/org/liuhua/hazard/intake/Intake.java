package org.liuhua.hazard.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.bson.Document;
import org.liuhua.hazard.HazardProperties;
import org.liuhua.hazard.known.KnownEstablishments;
import org.liuhua.hazard.loop.EstablishmentHazards;
import org.liuhua.hazard.loop.HazardStore;
import org.liuhua.hazard.loop.domain.Actor;
import org.liuhua.hazard.loop.domain.Corroboration;
import org.liuhua.hazard.loop.domain.Finding;
import org.liuhua.hazard.loop.domain.Hazard;
import org.liuhua.hazard.loop.domain.HazardState;
import org.liuhua.hazard.loop.domain.Severity;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.StaleAggregateException;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The one way into the ledger, shared by every source (direct reports, patrol findings, third-party batches, public
 * reports): a finding is placed at its {@link Site}, then {@link #ingestAll entered}: a finding whose source key was
 * seen is a DUPLICATE; one matching an open hazard of the same establishment and category within the corroboration
 * window JOINS it; otherwise a ticket is CREATED (its id derives from the source key, so a concurrent second delivery
 * fails on {@code _id} and is a DUPLICATE too).
 */
@Service
public class Intake {

    /** What de-duplication and corroboration read of the batch's establishments' hazards. */
    private static final String[] MATCH_FIELDS = {"establishmentId", "category", "severity", "state", "reportedAt",
            "sourceKey", "reportedBy", "corroborations.sourceKey", "corroborations.reportedBy"};

    private final HazardStore store;
    private final KnownEstablishments known;
    private final HazardProperties properties;
    private final CityCalendar calendar;
    private final EstablishmentHazards members;
    private final MongoTemplate mongo;

    Intake(HazardStore store, KnownEstablishments known, HazardProperties properties, CityCalendar calendar,
           EstablishmentHazards members, MongoTemplate mongo) {
        this.store = store;
        this.known = known;
        this.properties = properties;
        this.calendar = calendar;
        this.members = members;
        this.mongo = mongo;
    }

    /** Where a finding at this establishment goes: what grid events say of it, else the town the source names. */
    public Site site(String establishmentId, String givenTownId) {
        return Site.of(establishmentId, known.find(establishmentId), givenTownId);
    }

    public Outcome ingest(Finding finding, Actor actor) {
        return ingestAll(List.of(finding), actor).get(0);
    }

    /**
     * Enters findings in order, one outcome each. Existing keys and open hazards are read once for the whole batch.
     */
    public List<Outcome> ingestAll(List<Finding> findings, Actor actor) {
        Instant now = calendar.now();
        List<String> establishmentIds = findings.stream().map(Finding::establishmentId).filter(Objects::nonNull)
                .distinct().toList();
        // the batch's establishments' hazards, read by _id through their membership (ADR 14)
        List<Document> theirs = members.hazardsOf(establishmentIds, MATCH_FIELDS);
        Map<String, String> seen = seenKeys(findings, theirs);
        Map<String, Hazard> open = openHazards(now, theirs);
        List<Outcome> outcomes = new ArrayList<>();
        for (Finding f : findings) {
            if (f.sourceKey() != null && seen.containsKey(f.sourceKey())) {
                outcomes.add(new Outcome(Outcome.Kind.DUPLICATE, seen.get(f.sourceKey()), null));
                continue;
            }
            String match = f.establishmentId() + "|" + f.category();
            Hazard existing = open.get(match);
            Outcome outcome = null;
            // a MAJOR finding never hides inside an open GENERAL ticket: it opens its own
            if (existing != null && !(f.severity() == Severity.MAJOR && existing.severity() != Severity.MAJOR)) {
                outcome = join(existing, f, actor, now);
            }
            if (outcome == null) {
                outcome = create(f, actor, now);
            }
            if (outcome.hazard() != null) {
                open.put(match, outcome.hazard());
            }
            if (f.sourceKey() != null) {
                seen.put(f.sourceKey(), outcome.hazardId());
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /**
     * The DUPLICATE outcome when a finding under this source key was entered by this reporter (as a hazard of its own
     * or as a corroboration); empty when it was not, or only by someone else.
     */
    public Optional<Outcome> seenBy(String sourceKey, String reporter, String establishmentId) {
        List<Document> candidates = new ArrayList<>(members.hazardsOf(List.of(establishmentId), MATCH_FIELDS));
        candidates.addAll(ownKeys(List.of(sourceKey)));
        for (Document h : candidates) {
            if (sourceKey.equals(h.getString("sourceKey")) && reporter.equals(h.getString("reportedBy"))
                    || h.getList("corroborations", Document.class, List.of()).stream().anyMatch(c ->
                    sourceKey.equals(c.getString("sourceKey")) && reporter.equals(c.getString("reportedBy")))) {
                return Optional.of(new Outcome(Outcome.Kind.DUPLICATE, h.getString("_id"), null));
            }
        }
        return Optional.empty();
    }

    /**
     * The hazards that already hold one of the findings' source keys: as their own, by the unique {@code sourceKey}
     * (any establishment), or as a corroboration of a hazard of the finding's establishment (a finding corroborates
     * only hazards of its own establishment).
     */
    private Map<String, String> seenKeys(List<Finding> findings, List<Document> theirs) {
        List<String> keys = findings.stream().map(Finding::sourceKey).filter(Objects::nonNull).distinct().toList();
        Map<String, String> seen = new HashMap<>();
        if (keys.isEmpty()) {
            return seen;
        }
        java.util.Set<String> wanted = new java.util.HashSet<>(keys);
        for (Document h : theirs) {
            for (Document c : h.getList("corroborations", Document.class, List.of())) {
                if (wanted.contains(c.getString("sourceKey"))) {
                    seen.put(c.getString("sourceKey"), h.getString("_id"));
                }
            }
        }
        for (Document h : ownKeys(keys)) {
            seen.put(h.getString("sourceKey"), h.getString("_id"));
        }
        return seen;
    }

    /** The hazards whose own source key is one of {@code keys}: a query on the unique key alone (an index read). */
    private List<Document> ownKeys(List<String> keys) {
        Query byKey = new Query(Criteria.where("sourceKey").in(keys));
        byKey.fields().include("sourceKey", "reportedBy");
        return mongo.find(byKey, Document.class, HazardStore.COLLECTION);
    }

    /**
     * Per establishment and category, the oldest open hazard within the window, a major one first — chosen among the
     * batch's establishments' hazards already read, then only the chosen ones loaded whole.
     */
    private Map<String, Hazard> openHazards(Instant now, List<Document> theirs) {
        Instant since = now.minus(properties.corroborationWindow());
        List<Document> candidates = theirs.stream()
                .filter(h -> !HazardState.finalNames().contains(h.getString("state")))
                .filter(h -> h.getDate("reportedAt") != null && !h.getDate("reportedAt").toInstant().isBefore(since))
                .sorted(java.util.Comparator.comparing((Document h) -> h.getDate("reportedAt"))
                        .thenComparing(h -> h.getString("_id")))
                .toList();
        Map<String, Document> chosen = new LinkedHashMap<>();
        for (Document h : candidates) {
            String key = h.getString("establishmentId") + "|" + h.getString("category");
            Document current = chosen.get(key);
            if (current == null || (!Severity.MAJOR.name().equals(current.getString("severity"))
                    && Severity.MAJOR.name().equals(h.getString("severity")))) {
                chosen.put(key, h);
            }
        }
        Map<String, Hazard> whole = new HashMap<>();
        if (!chosen.isEmpty()) {
            List<String> ids = chosen.values().stream().map(h -> h.getString("_id")).toList();
            store.find(new Query(Criteria.where("_id").in(ids))).forEach(h -> whole.put(h.id(), h));
        }
        Map<String, Hazard> open = new LinkedHashMap<>();
        chosen.forEach((key, h) -> {
            Hazard loaded = whole.get(h.getString("_id"));
            if (loaded != null) {
                open.put(key, loaded);
            }
        });
        return open;
    }

    /**
     * The finding corroborates the open hazard. A concurrent write to it is met by joining the fresh copy; a hazard
     * closed meanwhile is joined no more (null: the finding opens its own).
     */
    private Outcome join(Hazard existing, Finding f, Actor actor, Instant now) {
        Corroboration c = new Corroboration(f.source(), f.sourceRef(), f.sourceKey(), f.firmId(), actor.subject(),
                f.description(), now);
        try {
            Object joined;
            try {
                joined = existing.corroborate(c, actor, now) ? store.update(existing) : AggregateStore.NO_CHANGE;
            } catch (StaleAggregateException concurrent) {
                joined = store.change(existing.id(), HazardStore.WHAT,
                        fresh -> fresh.corroborate(c, actor, now) ? fresh : AggregateStore.NO_CHANGE);
            }
            return joined instanceof Hazard h ? new Outcome(Outcome.Kind.JOINED, h.id(), h)
                    : new Outcome(Outcome.Kind.DUPLICATE, existing.id(), null);
        } catch (StaleAggregateException stillConcurrent) {
            throw stillConcurrent;
        } catch (ConflictException closedMeanwhile) {
            return null;
        }
    }

    private Outcome create(Finding f, Actor actor, Instant now) {
        LocalDate deadline = f.deadline() != null ? f.deadline()
                : calendar.dayOf(now).plusDays(properties.deadlineDays(f.severity()));
        Hazard created = Hazard.report(f, actor, now, deadline);
        try {
            return new Outcome(Outcome.Kind.CREATED, created.id(), store.insert(created));
        } catch (DuplicateKeyException alreadyThere) {
            return new Outcome(Outcome.Kind.DUPLICATE, created.id(), null);
        }
    }
}
