package org.liuhua.hazard.intake;

import java.util.Optional;

import org.bson.Document;
import org.liuhua.events.grid.PatrolFindingRecorded;
import org.liuhua.events.grid.PatrolFindingWithdrawn;
import org.liuhua.hazard.evidence.EvidenceFiles;
import org.liuhua.hazard.loop.LoopCommands;
import org.liuhua.hazard.loop.domain.Actor;
import org.liuhua.hazard.loop.domain.HazardSource;
import org.liuhua.hazard.loop.domain.Severity;
import org.liuhua.kit.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * A finding recorded on a grid patrol becomes a GRID_PATROL hazard, exactly once per patrol and finding id: the
 * finding id is chosen by the inspector's app, so the source key (and so the hazard id) is
 * {@code GRID_PATROL:<patrolId>:<findingId>}; a redelivered event is a DUPLICATE, another patrol's finding with the
 * same id is its own. An event without a patrol id (written before patrols named it) keeps the key it always had,
 * {@code GRID_PATROL:<findingId>}; an event with one that was entered under that older key by the same inspector is a
 * DUPLICATE too. The finding's photos (uploaded by the inspector before the sync, pending) become BEFORE evidence of
 * the hazard it became or joined.
 *
 * <p>A finding withdrawn in grid-service (before grid learnt it had become a hazard; its events share the finding's
 * key, so the withdrawal arrives after the recording) is passed to the hazard that holds it, as its own finding or a
 * corroboration: that hazard is voided when nothing else has happened to it, else the withdrawal goes on its history
 * ({@code Hazard.withdrawFinding}). A withdrawal that finds no hazard is kept ({@value #WITHDRAWN}, {@code _id} = the
 * finding's source key), so that a recording delivered after it (a replay, a dead letter sent again) is entered and
 * withdrawn at once: whatever the order, the finding ends as it ends in order.
 */
@Service
public class PatrolFindings {

    private static final Logger log = LoggerFactory.getLogger(PatrolFindings.class);

    private final Intake intake;
    private final EvidenceFiles evidence;
    private final LoopCommands loop;
    private final MongoTemplate mongo;

    /** Withdrawals that came before their finding: {@code _id} its source key; reason, by, at. */
    static final String WITHDRAWN = "withdrawn_patrol_findings";
    /** A patrol finding's source key is this prefix and its reference. */
    private static final String PREFIX = "GRID_PATROL:";

    PatrolFindings(Intake intake, EvidenceFiles evidence, LoopCommands loop, MongoTemplate mongo) {
        this.intake = intake;
        this.evidence = evidence;
        this.loop = loop;
        this.mongo = mongo;
    }

    public Outcome record(PatrolFindingRecorded e) {
        Severity severity = "MAJOR".equalsIgnoreCase(e.severity()) ? Severity.MAJOR : Severity.GENERAL;
        Site site = intake.site(e.establishmentId(), e.townId());
        Actor inspector = inspector(e.inspectorId());
        String legacyKey = key(e.findingId());
        boolean keyedByPatrol = keyedByPatrol(e.patrolId());
        // the reference is grid-service's finding key (<patrolId>:<findingId>), which its assessment matches on
        String reference = reference(e.patrolId(), e.findingId());
        String key = key(reference);
        Outcome outcome = keyedByPatrol
                ? intake.seenBy(legacyKey, inspector.subject(), e.establishmentId()).orElse(null) : null;
        if (outcome == null) {
            outcome = intake.ingest(site.finding(e.category(), severity, HazardSource.GRID_PATROL, reference,
                    key, null, e.description(), null, e.foundAt()), inspector);
        }
        if (!e.photoIds().isEmpty() && outcome.hazardId() != null) {
            // a redelivered finding (DUPLICATE) attaches what a crash may have left unattached: attach is idempotent
            evidence.attach(outcome.hazardId(), e.photoIds(), EvidenceFiles.inspectorOwner(e.inspectorId()),
                    inspector);
        }
        log.info("patrol finding {} -> {} {}", e.findingId(), outcome.kind(), outcome.hazardId());
        String hazardId = outcome.hazardId();
        if (hazardId != null) {
            // withdrawn before it came (a replay, a dead letter sent again): withdrawn now, as in order
            withdrawnBefore(key, legacyKey, keyedByPatrol).ifPresent(w -> loop.withdrawFinding(hazardId,
                    w.getString("_id").substring(PREFIX.length()), w.getString("reason"), w.getString("withdrawnBy"),
                    w.getDate("withdrawnAt") == null ? null : w.getDate("withdrawnAt").toInstant(), inspector));
        }
        return outcome;
    }

    /**
     * The withdrawal of a finding reaches the hazard that holds it (found as {@link #record} entered it: under the
     * patrol's key, else under the older key without the patrol). When no hazard holds it (its recording has not come
     * yet, or it was refused), the withdrawal is kept for a recording that comes later. Returns the hazard's id, if
     * any.
     */
    public Optional<String> withdrawn(PatrolFindingWithdrawn e) {
        Actor inspector = inspector(e.inspectorId());
        String ownReference = reference(e.patrolId(), e.findingId());
        String reference = ownReference;
        Optional<Outcome> holder = intake.seenBy(key(reference), inspector.subject(), e.establishmentId());
        if (holder.isEmpty() && keyedByPatrol(e.patrolId())) {
            reference = e.findingId();
            holder = intake.seenBy(key(reference), inspector.subject(), e.establishmentId());
        }
        if (holder.isEmpty()) {
            // not entered (yet): kept, so that a recording delivered later is withdrawn as it is entered
            mongo.upsert(new Query(Criteria.where("_id").is(key(ownReference))), new Update()
                    .setOnInsert("reason", e.reason()).setOnInsert("withdrawnBy", e.withdrawnBy())
                    .setOnInsert("withdrawnAt", e.withdrawnAt()), WITHDRAWN);
            log.info("withdrawn patrol finding {} of patrol {} is on no hazard yet; kept", e.findingId(),
                    e.patrolId());
            return Optional.empty();
        }
        String hazardId = holder.get().hazardId();
        boolean changed = loop.withdrawFinding(hazardId, reference, e.reason(), e.withdrawnBy(), e.withdrawnAt(),
                inspector);
        log.info("withdrawn patrol finding {} of patrol {} -> hazard {}{}", e.findingId(), e.patrolId(), hazardId,
                changed ? "" : " (already applied)");
        return Optional.of(hazardId);
    }

    /** The withdrawal kept for this finding before it was entered, if any (by {@code _id}). */
    private Optional<Document> withdrawnBefore(String key, String legacyKey, boolean keyedByPatrol) {
        Document w = mongo.findById(key, Document.class, WITHDRAWN);
        if (w == null && keyedByPatrol) {
            w = mongo.findById(legacyKey, Document.class, WITHDRAWN);
        }
        return Optional.ofNullable(w);
    }

    private static boolean keyedByPatrol(String patrolId) {
        return patrolId != null && !patrolId.isBlank();
    }

    /** grid-service's key of a finding, {@code <patrolId>:<findingId>} (the finding id alone in older events). */
    private static String reference(String patrolId, String findingId) {
        return keyedByPatrol(patrolId) ? patrolId + ":" + findingId : findingId;
    }

    private static String key(String reference) {
        return PREFIX + reference;
    }

    private static Actor inspector(String inspectorId) {
        return new Actor("inspector:" + inspectorId, inspectorId, Roles.INSPECTOR, inspectorId, null);
    }
}
