package org.liuhua.hazard.intake;

import org.liuhua.events.grid.PatrolFindingRecorded;
import org.liuhua.hazard.loop.domain.Actor;
import org.liuhua.hazard.loop.domain.HazardSource;
import org.liuhua.hazard.loop.domain.Severity;
import org.liuhua.kit.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A finding recorded on a grid patrol becomes a GRID_PATROL hazard, exactly once per finding id: the source key (and
 * so the hazard id) derives from it, so a redelivered event is a DUPLICATE.
 */
@Service
public class PatrolFindings {

    private static final Logger log = LoggerFactory.getLogger(PatrolFindings.class);

    private final Intake intake;

    PatrolFindings(Intake intake) {
        this.intake = intake;
    }

    public Outcome record(PatrolFindingRecorded e) {
        Severity severity = "MAJOR".equalsIgnoreCase(e.severity()) ? Severity.MAJOR : Severity.GENERAL;
        Site site = intake.site(e.establishmentId(), e.townId());
        Actor inspector = new Actor("inspector:" + e.inspectorId(), e.inspectorId(), Roles.INSPECTOR,
                e.inspectorId(), null);
        Outcome outcome = intake.ingest(site.finding(e.category(), severity, HazardSource.GRID_PATROL, e.findingId(),
                "GRID_PATROL:" + e.findingId(), null, e.description(), null, e.foundAt()), inspector);
        log.info("patrol finding {} -> {} {}", e.findingId(), outcome.kind(), outcome.hazardId());
        return outcome;
    }
}
