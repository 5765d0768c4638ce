package org.liuhua.hazard.intake;

import org.liuhua.events.manual.ChecklistItemFailed;
import org.liuhua.hazard.loop.domain.Actor;
import org.liuhua.hazard.loop.domain.HazardSource;
import org.liuhua.hazard.loop.domain.Severity;
import org.liuhua.kit.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A failed item of a checklist run in manual-service (M-6) becomes a hazard, exactly once per run and item: the
 * source key derives from the event's {@code findingKey}, so a redelivered event is a DUPLICATE. The source is the
 * run's context (an enterprise self-check, a grid patrol, a third-party inspection); a major item gives a MAJOR
 * hazard.
 */
@Service
public class ChecklistFindings {

    private static final Logger log = LoggerFactory.getLogger(ChecklistFindings.class);

    private final Intake intake;

    ChecklistFindings(Intake intake) {
        this.intake = intake;
    }

    public Outcome record(ChecklistItemFailed e) {
        Severity severity = "MAJOR".equalsIgnoreCase(e.severity()) ? Severity.MAJOR : Severity.GENERAL;
        HazardSource source = switch (e.source() == null ? "" : e.source()) {
            case "GRID_PATROL" -> HazardSource.GRID_PATROL;
            case "THIRD_PARTY" -> HazardSource.THIRD_PARTY;
            default -> HazardSource.ENTERPRISE_SELF_CHECK;
        };
        Site site = intake.site(e.establishmentId(), e.townId());
        String who = e.checkedBy() == null ? "checklist" : e.checkedBy();
        Actor recorder = new Actor(who, who, source == HazardSource.GRID_PATROL ? Roles.INSPECTOR
                : source == HazardSource.THIRD_PARTY ? Roles.THIRD_PARTY_FIRM : Roles.ENTERPRISE_OFFICER, null, null);
        String description = "[" + e.itemCode() + "] " + e.description()
                + (e.legalBasis() == null ? "" : "（依据：" + e.legalBasis() + "）");
        Outcome outcome = intake.ingest(site.finding(e.category(), severity, source, e.findingKey(),
                "CHECKLIST:" + e.findingKey(), null, description, null, e.checkedAt()), recorder);
        log.info("checklist finding {} -> {} {}", e.findingKey(), outcome.kind(), outcome.hazardId());
        return outcome;
    }
}
