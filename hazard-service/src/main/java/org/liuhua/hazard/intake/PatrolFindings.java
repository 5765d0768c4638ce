package org.liuhua.hazard.intake;

import org.liuhua.events.grid.PatrolFindingRecorded;
import org.liuhua.hazard.evidence.EvidenceFiles;
import org.liuhua.hazard.loop.domain.Actor;
import org.liuhua.hazard.loop.domain.HazardSource;
import org.liuhua.hazard.loop.domain.Severity;
import org.liuhua.kit.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A finding recorded on a grid patrol becomes a GRID_PATROL hazard, exactly once per patrol and finding id: the
 * finding id is chosen by the inspector's app, so the source key (and so the hazard id) is
 * {@code GRID_PATROL:<patrolId>:<findingId>}; a redelivered event is a DUPLICATE, another patrol's finding with the
 * same id is its own. An event without a patrol id (written before patrols named it) keeps the key it always had,
 * {@code GRID_PATROL:<findingId>}; an event with one that was entered under that older key by the same inspector is a
 * DUPLICATE too. The finding's photos (uploaded by the inspector before the sync, pending) become BEFORE evidence of
 * the hazard it became or joined.
 */
@Service
public class PatrolFindings {

    private static final Logger log = LoggerFactory.getLogger(PatrolFindings.class);

    private final Intake intake;
    private final EvidenceFiles evidence;

    PatrolFindings(Intake intake, EvidenceFiles evidence) {
        this.intake = intake;
        this.evidence = evidence;
    }

    public Outcome record(PatrolFindingRecorded e) {
        Severity severity = "MAJOR".equalsIgnoreCase(e.severity()) ? Severity.MAJOR : Severity.GENERAL;
        Site site = intake.site(e.establishmentId(), e.townId());
        Actor inspector = new Actor("inspector:" + e.inspectorId(), e.inspectorId(), Roles.INSPECTOR,
                e.inspectorId(), null);
        String legacyKey = "GRID_PATROL:" + e.findingId();
        boolean keyedByPatrol = e.patrolId() != null && !e.patrolId().isBlank();
        // the reference is grid-service's finding key (<patrolId>:<findingId>), which its assessment matches on
        String reference = keyedByPatrol ? e.patrolId() + ":" + e.findingId() : e.findingId();
        String key = "GRID_PATROL:" + reference;
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
        return outcome;
    }
}
