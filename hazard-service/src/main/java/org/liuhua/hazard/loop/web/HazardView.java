package org.liuhua.hazard.loop.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.liuhua.hazard.loop.domain.Corroboration;
import org.liuhua.hazard.loop.domain.Enforcement;
import org.liuhua.hazard.loop.domain.Hazard;
import org.liuhua.hazard.loop.domain.HazardSource;
import org.liuhua.hazard.loop.domain.HistoryEntry;
import org.liuhua.hazard.loop.domain.Rectification;
import org.liuhua.hazard.loop.domain.Severity;
import org.liuhua.hazard.loop.domain.Signature;

/**
 * A hazard with everything, its full history included, as the detail and every command answer it (lists answer
 * {@code HazardSummary}). {@code outcome} is set on report (CREATED/JOINED/DUPLICATE). {@code voidedAt} and
 * {@code voidReason}: when and why a hazard was VOIDED (its patrol finding withdrawn by the inspector);
 * {@code findingWithdrawnAt}: when a finding of a hazard that was kept was withdrawn.
 */
public record HazardView(String id, String outcome, String establishmentId, String townId, String departmentId,
                         String industry, String category, Severity severity, HazardSource source, String sourceRef,
                         String firmId, String description, String state, List<String> allowedCommands,
                         String reportedBy, String reportedByName, String reporterRole, Instant reportedAt,
                         Instant foundAt, LocalDate deadline, boolean overdue, int escalationLevel,
                         boolean toEstablishment, String transferredDepartmentId, Instant acknowledgeBy,
                         Instant acknowledgedAt, Rectification rectification, String rectifiedBy, int failedReviews,
                         String reviewedBy, Enforcement enforcement, String supervisionOrderNumber,
                         String supervisionOrderedBy, String signedOffBy, String signedOffDepartmentId,
                         Instant closedAt, List<Corroboration> corroborations, List<String> evidenceIds,
                         List<HistoryEntry> history, long revision, String severityRaisedReason,
                         String severityRaisedBy, Instant severityRaisedAt, List<Signature> signatures,
                         String refusedDepartmentId, String refusalReason, Instant refusedAt, String channel,
                         Instant voidedAt, String voidReason, Instant findingWithdrawnAt) {

    public static HazardView of(Hazard h) {
        return of(h, null);
    }

    public static HazardView of(Hazard h, String outcome) {
        return new HazardView(h.id(), outcome, h.establishmentId(), h.townId(), h.departmentId(), h.industry(),
                h.category(), h.severity(), h.source(), h.sourceRef(), h.firmId(), h.description(), h.state().name(),
                h.allowedCommands(), h.reportedBy(), h.reportedByName(), h.reporterRole(), h.reportedAt(),
                h.foundAt(), h.deadline(), h.overdue(), h.escalationLevel(), h.toEstablishment(),
                h.transferredDepartmentId(), h.acknowledgeBy(), h.acknowledgedAt(), h.rectification(),
                h.rectifiedBy(), h.failedReviews(), h.reviewedBy(), h.enforcement(), h.supervisionOrderNumber(),
                h.supervisionOrderedBy(), h.signedOffBy(), h.signedOffDepartmentId(), h.closedAt(),
                h.corroborations(), h.evidenceIds(), h.history(), h.revision(), h.severityRaisedReason(),
                h.severityRaisedBy(), h.severityRaisedAt(), h.signatures(), h.refusedDepartmentId(),
                h.refusalReason(), h.refusedAt(), h.channel(), h.voidedAt(), h.voidReason(),
                h.findingWithdrawnAt());
    }
}
