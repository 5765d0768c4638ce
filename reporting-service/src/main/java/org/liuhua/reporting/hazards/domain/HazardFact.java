package org.liuhua.reporting.hazards.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything reporting keeps of one hazard, folded from its events in any order.
 *
 * <ul>
 *   <li>The hazard's current description (town, department, industry, source, severity, category, state, deadline,
 *       overdue flag) is taken from the event with the highest {@code revision}: a stale event never overwrites
 *       newer state.</li>
 *   <li>Milestones are order-tolerant: the first time for a milestone is the minimum over its events, the last time
 *       (review failed) the maximum, so a late or redelivered event leaves them as they are.</li>
 * </ul>
 * Folding an event a second time changes nothing, which is what keeps the counters built on top of the facts exact.
 */
public final class HazardFact {

    public static final String CLOSED = "CLOSED";
    /** A hazard whose patrol finding was withdrawn before anything happened to it: counted nowhere. */
    public static final String VOIDED = "VOIDED";
    public static final String MAJOR = "MAJOR";
    public static final String SELF_CHECK = "ENTERPRISE_SELF_CHECK";

    public String hazardId;
    public long revision;
    public String establishmentId;
    public String townId;
    public String departmentId;
    public String transferredDepartmentId;
    public long transferRevision;
    public String industry;
    public String category;
    public String severity;
    public String source;
    public String state;
    public LocalDate deadline;
    public boolean overdue;
    public String lastEvent;

    public Instant reportedAt;
    public Instant transferredAt;
    public Instant acknowledgedAt;
    public Instant rectifiedAt;
    public Instant reviewPassedAt;
    public Instant reviewFailedAt;
    public Instant enforcedAt;
    public String enforcementKind;
    public BigDecimal penaltyCny;
    public String caseNumber;
    public long enforcementRevision;
    public Instant overdueAt;
    /** Escalation level → when it was first reached. */
    public final Map<Integer, Instant> escalatedAt = new TreeMap<>();
    public Instant closedAt;

    public HazardFact(String hazardId) {
        this.hazardId = hazardId;
    }

    /** Folds one event in; {@code eventName} is the short type ({@code closed}). */
    public void apply(Milestone milestone, String eventName, HazardChange c) {
        if (c.revision() > revision) {
            revision = c.revision();
            establishmentId = keep(c.establishmentId(), establishmentId);
            townId = keep(c.townId(), townId);
            departmentId = keep(c.departmentId(), departmentId);
            industry = keep(c.industry(), industry);
            category = keep(c.category(), category);
            severity = keep(c.severity(), severity);
            source = keep(c.source(), source);
            state = keep(c.state(), state);
            deadline = c.deadline() != null ? c.deadline() : deadline;
            if (c.overdue() != null) {
                overdue = c.overdue();
            }
            lastEvent = eventName;
        } else {
            // an older event still fills what no newer one has said yet
            establishmentId = keep(establishmentId, c.establishmentId());
            townId = keep(townId, c.townId());
            departmentId = keep(departmentId, c.departmentId());
            industry = keep(industry, c.industry());
            category = keep(category, c.category());
            severity = keep(severity, c.severity());
            source = keep(source, c.source());
        }
        Instant at = c.occurredAt();
        switch (milestone) {
            case REPORTED -> reportedAt = min(reportedAt, c.reportedAt() != null ? c.reportedAt() : at);
            case TRANSFERRED -> {
                transferredAt = min(transferredAt, at);
                // a transfer names its department; a re-routed one its new department
                String to = c.transferredDepartmentId() != null ? c.transferredDepartmentId() : c.toDepartmentId();
                if (to != null && c.revision() > transferRevision) {
                    transferRevision = c.revision();
                    transferredDepartmentId = to;
                }
            }
            case TRANSFER_REFUSED -> {
                if (c.revision() > transferRevision) {
                    transferRevision = c.revision();
                    transferredDepartmentId = null;
                }
            }
            case ACKNOWLEDGED -> acknowledgedAt = min(acknowledgedAt, at);
            case RECTIFIED -> rectifiedAt = min(rectifiedAt, at);
            case REVIEWED -> {
                if (Boolean.TRUE.equals(c.passed())) {
                    reviewPassedAt = min(reviewPassedAt, at);
                } else if (Boolean.FALSE.equals(c.passed())) {
                    reviewFailedAt = max(reviewFailedAt, at);
                }
            }
            case ENFORCED -> {
                enforcedAt = min(enforcedAt, at);
                if (c.revision() > enforcementRevision) {
                    enforcementRevision = c.revision();
                    enforcementKind = c.kind();
                    caseNumber = c.caseNumber();
                    penaltyCny = c.penaltyAmountCny();
                }
            }
            case OVERDUE -> overdueAt = min(overdueAt, at);
            case ESCALATED -> {
                if (c.level() != null && at != null) {
                    escalatedAt.merge(c.level(), at, HazardFact::min);
                }
            }
            case CLOSED -> closedAt = min(closedAt, c.closedAt() != null ? c.closedAt() : at);
            case OTHER -> {
            }
        }
        if (c.reportedAt() != null && milestone != Milestone.REPORTED) {
            // later events repeat the report time: a fact whose report event is late still gets its month
            reportedAt = min(reportedAt, c.reportedAt());
        }
    }

    public boolean isClosed() {
        return CLOSED.equals(state);
    }

    public boolean isOpen() {
        return state != null && !isClosed() && !isVoided();
    }

    /** Voided (its patrol finding withdrawn): the fact contributes to no figure and is on no list. */
    public boolean isVoided() {
        return VOIDED.equals(state);
    }

    public int escalationLevel() {
        return escalatedAt.isEmpty() ? 0 : ((TreeMap<Integer, Instant>) escalatedAt).lastKey();
    }

    /** The department that supervises the hazard: the one it was transferred to, else the establishment's. */
    public String supervisingDepartment() {
        return transferredDepartmentId != null ? transferredDepartmentId : departmentId;
    }

    public boolean isSelfCheck() {
        return SELF_CHECK.equals(source);
    }

    /** A case was filed for it (立案): a case number, or a decision that needs one. */
    public boolean caseFiled() {
        return caseNumber != null || "CASE_FILED".equals(enforcementKind) || "PENALTY".equals(enforcementKind);
    }

    /** Open and MAJOR, overdue or escalated: on the cockpit's attention lists. */
    public boolean needsAttention() {
        return isOpen() && (MAJOR.equals(severity) || overdue || escalationLevel() > 0);
    }

    private static String keep(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }

    static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
