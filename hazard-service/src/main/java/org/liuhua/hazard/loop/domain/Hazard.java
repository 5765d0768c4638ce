package org.liuhua.hazard.loop.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.liuhua.events.hazard.HazardAcknowledged;
import org.liuhua.events.hazard.HazardClosed;
import org.liuhua.events.hazard.HazardCorroborated;
import org.liuhua.events.hazard.HazardEnforced;
import org.liuhua.events.hazard.HazardEscalated;
import org.liuhua.events.hazard.HazardEvidenceAdded;
import org.liuhua.events.hazard.HazardFindingWithdrawn;
import org.liuhua.events.hazard.HazardOverdue;
import org.liuhua.events.hazard.HazardRectified;
import org.liuhua.events.hazard.HazardReported;
import org.liuhua.events.hazard.HazardReviewed;
import org.liuhua.events.hazard.HazardSeverityRaised;
import org.liuhua.events.hazard.HazardSignedOff;
import org.liuhua.events.hazard.HazardSnapshot;
import org.liuhua.events.hazard.HazardSupervisionOrdered;
import org.liuhua.events.hazard.HazardTransferRefused;
import org.liuhua.events.hazard.HazardTransferRerouted;
import org.liuhua.events.hazard.HazardTransferred;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.domain.InvalidInputException;

/**
 * A hidden-hazard ticket: the aggregate of hazard-service. State changes are methods that check the rule, append a
 * hash-chained history entry and register the event's payload; the store writes the change, its history and its
 * events in one document write. {@code revision} counts the events of this hazard; every event carries it in the
 * hazard's {@link HazardSnapshot}, which {@link #snapshot} builds.
 */
public class Hazard extends AggregateRoot {

    private String id;
    private long revision;
    private String establishmentId;
    private String townId;
    private String departmentId;
    private String industry;
    private String category;
    private Severity severity;
    private HazardSource source;
    private String sourceRef;
    private String sourceKey;
    private String firmId;
    private String channel;
    private String description;
    private HazardState state;
    private String reportedBy;
    private String reportedByName;
    private String reporterRole;
    private String reporterInspectorId;
    private Instant reportedAt;
    private Instant foundAt;
    private LocalDate deadline;
    private boolean overdue;
    private int escalationLevel;
    private boolean toEstablishment;
    private String transferredDepartmentId;
    private Instant acknowledgeBy;
    private Instant acknowledgedAt;
    private int acknowledgeEscalationLevel;
    private String refusedDepartmentId;
    private String refusalReason;
    private Instant refusedAt;
    private Rectification rectification;
    private String rectifiedBy;
    private String rectifierRole;
    private int failedReviews;
    private String reviewedBy;
    private Enforcement enforcement;
    private String supervisionOrderNumber;
    private String supervisionOrderedBy;
    private Instant supervisionOrderedAt;
    private String signedOffBy;
    private String signedOffDepartmentId;
    private Instant signedOffAt;
    private Instant closedAt;
    private Instant voidedAt;
    private String voidReason;
    private Instant findingWithdrawnAt;
    private String severityRaisedReason;
    private String severityRaisedBy;
    private Instant severityRaisedAt;
    private List<Corroboration> corroborations = new ArrayList<>();
    private List<String> evidenceIds = new ArrayList<>();
    private List<HistoryEntry> history = new ArrayList<>();

    Hazard() {
    }

    /** Enters a finding into the loop (识别). {@code id} is derived from the source key when there is one. */
    public static Hazard report(Finding f, Actor actor, Instant now, LocalDate deadline) {
        Hazard h = new Hazard();
        h.id = f.sourceKey() == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(f.sourceKey().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        h.establishmentId = f.establishmentId();
        h.townId = f.townId();
        h.departmentId = f.departmentId();
        h.industry = f.industry();
        h.category = f.category();
        h.severity = f.severity() == null ? Severity.GENERAL : f.severity();
        h.source = f.source();
        h.sourceRef = f.sourceRef();
        h.sourceKey = f.sourceKey();
        h.firmId = f.firmId();
        h.channel = f.channel();
        h.description = f.description();
        h.state = HazardState.REPORTED;
        h.reportedBy = actor.subject();
        h.reportedByName = actor.name();
        h.reporterRole = actor.role();
        h.reporterInspectorId = actor.inspectorId();
        h.reportedAt = now;
        h.foundAt = f.foundAt() == null ? now : f.foundAt();
        h.deadline = deadline;
        h.revision = 1;
        h.appendHistory("report", null, actor, now, null, List.of(), "source=" + h.source + " severity=" + h.severity
                + (h.channel == null ? "" : " channel=" + h.channel));
        h.registerEvent(new HazardReported(h.snapshot(actor, now), h.sourceRef, h.description, h.reportedBy, now,
                h.industry, h.firmId));
        return h;
    }

    // ---- commands -------------------------------------------------------------------------------------------------

    public void transfer(boolean toEstablishment, String departmentId, String note, Actor actor, Instant now,
                         Duration acknowledgeWithin) {
        require("transfer", HazardState.REPORTED);
        if (!toEstablishment && (departmentId == null || departmentId.isBlank())) {
            throw new InvalidInputException("departmentId",
                    "name the supervising department or set toEstablishment (the hazard must go somewhere)");
        }
        HazardState from = state;
        this.toEstablishment = toEstablishment;
        this.transferredDepartmentId = departmentId == null || departmentId.isBlank() ? null : departmentId;
        this.acknowledgeBy = transferredDepartmentId == null ? null : now.plus(acknowledgeWithin);
        state = HazardState.TRANSFERRED;
        step("transfer", from, actor, now, note, List.of(),
                "toEstablishment=" + toEstablishment + " department=" + transferredDepartmentId);
        registerEvent(new HazardTransferred(snapshot(actor, now), toEstablishment, transferredDepartmentId,
                acknowledgeBy, note));
    }

    /** The department (or, for a transfer to the establishment only, the establishment or town) takes it on. */
    public void acknowledge(String note, Actor actor, Instant now) {
        require("acknowledge", HazardState.TRANSFERRED);
        HazardState from = state;
        acknowledgedAt = now;
        state = HazardState.RECTIFYING;
        step("acknowledge", from, actor, now, note, List.of(), "department=" + transferredDepartmentId);
        registerEvent(new HazardAcknowledged(snapshot(actor, now), transferredDepartmentId, note));
    }

    /**
     * The department the hazard was transferred to refuses it with a reason (not its supervision duty): the hazard is
     * back with the town (REPORTED) to be transferred again; the refusal stays on record.
     */
    public void refuseTransfer(String reason, Actor actor, Instant now) {
        requirePendingDepartment("refuse-transfer");
        if (blank(reason)) {
            throw new InvalidInputException("reason", "say why the department does not take the hazard on");
        }
        HazardState from = state;
        String refused = transferredDepartmentId;
        refusedDepartmentId = refused;
        refusalReason = reason;
        refusedAt = now;
        transferredDepartmentId = null;
        toEstablishment = false;
        acknowledgeBy = null;
        acknowledgeEscalationLevel = 0;
        state = HazardState.REPORTED;
        step("refuse-transfer", from, actor, now, reason, List.of(), "department=" + refused);
        registerEvent(new HazardTransferRefused(snapshot(actor, now), refused, reason));
    }

    /**
     * The department the hazard was transferred to passes it on to the department that supervises it, with a reason;
     * the new department acknowledges within {@code acknowledgeWithin} (its escalation starts again).
     */
    public void rerouteTransfer(String toDepartmentId, String reason, Actor actor, Instant now,
                                Duration acknowledgeWithin) {
        requirePendingDepartment("reroute-transfer");
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(toDepartmentId) || toDepartmentId.equals(transferredDepartmentId)) {
            problems.add(new FieldProblem("departmentId", "name another supervising department"));
        }
        if (blank(reason)) {
            problems.add(new FieldProblem("reason", "say why the hazard goes to that department"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String fromDepartment = transferredDepartmentId;
        transferredDepartmentId = toDepartmentId;
        acknowledgeBy = now.plus(acknowledgeWithin);
        acknowledgeEscalationLevel = 0;
        step("reroute-transfer", state, actor, now, reason, List.of(),
                "from=" + fromDepartment + " to=" + toDepartmentId);
        registerEvent(new HazardTransferRerouted(snapshot(actor, now), fromDepartment, toDepartmentId, reason,
                acknowledgeBy));
    }

    private void requirePendingDepartment(String command) {
        if (state != HazardState.TRANSFERRED || !acknowledgementPending()) {
            throw conflict(command);
        }
    }

    public void rectify(Rectification r, String note, List<String> evidence, Actor actor, Instant now) {
        if (!(state == HazardState.RECTIFYING || (state == HazardState.TRANSFERRED && acknowledgementPending()
                == false))) {
            throw conflict("rectify");
        }
        if (severity == Severity.MAJOR && supervisionOrderNumber == null) {
            // xuebu-three-year-action-2024.md (二): 镇政府对于重大事故隐患治理的督办制度 — the order leads the rectification
            throw new ConflictException("rule H-3 supervision-before-rectification (督办在先): a major hazard is "
                    + "rectified under the town's supervision order; issue 'supervision-order' first", state.name(),
                    allowedCommands());
        }
        List<FieldProblem> missing = new ArrayList<>();
        if (r == null || blank(r.measures())) {
            missing.add(new FieldProblem("measures", "措施到位: the rectification measures are missing"));
        }
        if (r == null || blank(r.responsiblePerson())) {
            missing.add(new FieldProblem("responsiblePerson", "责任到位: the responsible person is missing"));
        }
        if (r == null || r.fundsCny() == null || r.fundsCny().signum() < 0) {
            missing.add(new FieldProblem("fundsCny", "资金到位: the funds (CNY, not negative) are missing"));
        }
        if (r == null || r.deadline() == null) {
            missing.add(new FieldProblem("deadline", "时限到位: the rectification deadline is missing"));
        }
        if (r == null || blank(r.contingencyPlan())) {
            missing.add(new FieldProblem("contingencyPlan", "预案到位: the contingency plan is missing"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        HazardState from = state;
        List<String> ids = evidence == null ? List.of() : List.copyOf(evidence);
        rectification = r;
        rectifiedBy = actor.subject();
        rectifierRole = actor.role();
        overdue = false;
        state = HazardState.REVIEW;
        step("rectify", from, actor, now, note, ids, "measures=" + r.measures() + " responsible="
                + r.responsiblePerson() + " funds=" + r.fundsCny() + " deadline=" + r.deadline() + " plan="
                + r.contingencyPlan());
        registerEvent(new HazardRectified(snapshot(actor, now), r.measures(), r.responsiblePerson(), r.fundsCny(),
                r.deadline(), r.contingencyPlan(), ids));
    }

    /** 复核: the reviewer signs separately from the reporter (谁检查、谁签名、谁负责). */
    public void review(boolean passed, String note, List<String> evidence, Actor actor, Instant now) {
        require("review", HazardState.REVIEW);
        if (actor.subject().equals(reportedBy)
                || (actor.inspectorId() != null && actor.inspectorId().equals(reporterInspectorId))) {
            throw new ForbiddenException("the reviewer must not be the one who reported the hazard");
        }
        if (reviewsOwnRectification(actor)) {
            throw new ForbiddenException("rule H-6 no-self-review (谁整改、谁不复核): the person who rectified the "
                    + "hazard, or an officer of the rectifying establishment, may not review that rectification");
        }
        if (!passed && blank(note)) {
            throw new InvalidInputException("note", "a failed review must say what is still wrong");
        }
        HazardState from = state;
        List<String> ids = evidence == null ? List.of() : List.copyOf(evidence);
        reviewedBy = actor.subject();
        if (passed) {
            state = HazardState.ENFORCEMENT;
        } else {
            failedReviews++;
            state = HazardState.RECTIFYING;
        }
        step("review", from, actor, now, note, ids, "passed=" + passed);
        registerEvent(new HazardReviewed(snapshot(actor, now), passed, note, ids));
    }

    /** 查处: records the enforcement decision; a MAJOR hazard is exempt only when the enterprise self-reported it. */
    public void enforce(EnforcementKind kind, String caseNumber, BigDecimal penaltyAmountCny, String note, Actor actor,
                        Instant now) {
        require("enforce", HazardState.ENFORCEMENT);
        if (enforcement != null) {
            throw new ConflictException("the enforcement decision is already recorded", state.name(),
                    allowedCommands());
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(new FieldProblem("kind", "CASE_FILED, PENALTY, EXEMPT or NONE is required"));
        } else {
            if (kind == EnforcementKind.CASE_FILED && blank(caseNumber)) {
                problems.add(new FieldProblem("caseNumber", "a filed case needs its case number"));
            }
            if (kind == EnforcementKind.PENALTY && (penaltyAmountCny == null || penaltyAmountCny.signum() <= 0)) {
                problems.add(new FieldProblem("penaltyAmountCny", "a penalty needs a positive amount in CNY"));
            }
            if (severity == Severity.MAJOR && kind == EnforcementKind.EXEMPT
                    && source != HazardSource.ENTERPRISE_SELF_CHECK) {
                problems.add(new FieldProblem("kind", "EXEMPT (免予处罚) applies to a major hazard only when the "
                        + "enterprise reported it in its own self-check and rectified it"));
            }
            if (severity == Severity.MAJOR && kind == EnforcementKind.PENALTY
                    && source == HazardSource.ENTERPRISE_SELF_CHECK && rectification != null) {
                // rugao-liuhua-2026.md, 建立实施自查上报机制: 对生产经营单位自查上报并采取务实有效措施整改重大事故隐患的，
                // 依法免予行政处罚 — a rectified self-reported major hazard is not penalised (EXEMPT or CASE_FILED)
                problems.add(new FieldProblem("kind", "rule H-3 self-report-exemption: a major hazard the enterprise "
                        + "reported in its own self-check and rectified is exempt from administrative penalty "
                        + "(自查上报并整改的，依法免予行政处罚); record EXEMPT"));
            }
            if (severity == Severity.MAJOR && kind == EnforcementKind.NONE) {
                problems.add(new FieldProblem("kind", "a major hazard needs CASE_FILED, PENALTY or EXEMPT"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        enforcement = new Enforcement(kind, caseNumber, penaltyAmountCny, note);
        step("enforce", state, actor, now, note, List.of(), "kind=" + kind + " case=" + caseNumber + " penalty="
                + penaltyAmountCny);
        registerEvent(new HazardEnforced(snapshot(actor, now), kind.name(), caseNumber, penaltyAmountCny, note));
    }

    /**
     * A general hazard found to be major is raised (定为重大事故隐患) with the reason: from now on the major register and
     * its rules apply (supervision order before rectification, the department's sign-off before close; a deadline
     * set for a general hazard stays).
     */
    public void raiseSeverity(String reason, Actor actor, Instant now) {
        if (state.isFinal()) {
            throw conflict("raise-severity");
        }
        if (severity == Severity.MAJOR) {
            throw new ConflictException("the hazard is already MAJOR", state.name(), allowedCommands());
        }
        if (blank(reason)) {
            throw new InvalidInputException("reason", "say why the hazard is major (which criterion it meets)");
        }
        Severity previous = severity;
        severity = Severity.MAJOR;
        severityRaisedReason = reason;
        severityRaisedBy = actor.subject();
        severityRaisedAt = now;
        step("raise-severity", state, actor, now, reason, List.of(), "severity=" + previous + "->" + severity);
        registerEvent(new HazardSeverityRaised(snapshot(actor, now), previous.name(), reason));
    }

    /** 督办: the town's supervision order for a major hazard. */
    public void orderSupervision(String orderNumber, String note, Actor actor, Instant now) {
        if (state.isFinal()) {
            throw conflict("supervision-order");
        }
        if (severity != Severity.MAJOR) {
            throw new ConflictException("supervision orders (督办) are issued for MAJOR hazards", state.name(),
                    allowedCommands());
        }
        if (supervisionOrderNumber != null) {
            throw new ConflictException("a supervision order was already issued: " + supervisionOrderNumber,
                    state.name(), allowedCommands());
        }
        if (blank(orderNumber)) {
            throw new InvalidInputException("orderNumber", "the supervision order needs its number");
        }
        supervisionOrderNumber = orderNumber;
        supervisionOrderedBy = actor.subject();
        supervisionOrderedAt = now;
        step("supervision-order", state, actor, now, note, List.of(), "order=" + orderNumber);
        registerEvent(new HazardSupervisionOrdered(snapshot(actor, now), orderNumber, note));
    }

    /** 审核把关销号: the supervising department signs off a reviewed major hazard. */
    public void signOff(String departmentOfActor, String note, Actor actor, Instant now) {
        if (severity != Severity.MAJOR) {
            throw new ConflictException("sign-off by the supervising department is for MAJOR hazards", state.name(),
                    allowedCommands());
        }
        require("sign-off", HazardState.ENFORCEMENT);
        if (signedOffBy != null) {
            throw new ConflictException("already signed off", state.name(), allowedCommands());
        }
        signedOffBy = actor.subject();
        signedOffDepartmentId = departmentOfActor != null ? departmentOfActor : supervisingDepartment();
        signedOffAt = now;
        step("sign-off", state, actor, now, note, List.of(), "department=" + signedOffDepartmentId);
        registerEvent(new HazardSignedOff(snapshot(actor, now), signedOffDepartmentId, note));
    }

    /**
     * 销号; with {@code afterPhotoRequired} (the city's setting for this hazard's severity or category) only once a
     * photo of the rectified site (evidence phase AFTER) is attached (H-8).
     */
    public void close(String note, boolean afterPhotoRequired, Actor actor, Instant now) {
        require("close", HazardState.ENFORCEMENT);
        List<String> missing = new ArrayList<>();
        if (afterPhotoRequired && !hasEvidence("AFTER")) {
            missing.add("a photo after rectification (evidence phase AFTER, 整改后照片)");
        }
        if (enforcement == null) {
            missing.add("the enforcement decision (enforce)");
        }
        if (severity == Severity.MAJOR && supervisionOrderNumber == null) {
            missing.add("the town's supervision order (supervision-order, 督办)");
        }
        if (severity == Severity.MAJOR && signedOffBy == null) {
            missing.add("the supervising department's sign-off (sign-off, 审核把关销号)");
        }
        if (!missing.isEmpty()) {
            throw new ConflictException("cannot close yet; missing: " + String.join(", ", missing), state.name(),
                    allowedCommands());
        }
        HazardState from = state;
        state = HazardState.CLOSED;
        closedAt = now;
        overdue = false;
        step("close", from, actor, now, note, List.of(), "enforcement=" + enforcement.kind());
        registerEvent(new HazardClosed(snapshot(actor, now), reportedAt, now, enforcement.kind().name(),
                ChronoUnit.DAYS.between(reportedAt, now)));
    }

    /**
     * The patrol finding {@code findingRef} (grid-service's key) that opened or joined this hazard was withdrawn by its
     * inspector, before grid-service learnt that it had become a hazard. The hazard is voided (VOIDED, 作废) when the
     * finding opened it and nothing else has happened to it: still REPORTED, no other finding joined it, and no one
     * but its reporter and the scheduler acted on it. Otherwise it stays as it is, the withdrawal is on its history and
     * {@code findingWithdrawnAt} puts it in the town's inbox for the officers to judge. Returns false when this
     * withdrawal is already on the history (a redelivered event).
     */
    public boolean withdrawFinding(String findingRef, String reason, String withdrawnBy, Instant withdrawnAt,
                                   Actor actor, Instant now) {
        String details = "ref=" + findingRef + " withdrawnBy=" + withdrawnBy;
        if (history.stream().anyMatch(e -> ("finding-withdrawn".equals(e.command()) || "void".equals(e.command()))
                && e.details() != null && e.details().startsWith("ref=" + findingRef + " "))) {
            return false;
        }
        boolean ownFinding = findingRef.equals(sourceRef);
        boolean voids = ownFinding && state == HazardState.REPORTED && corroborations.isEmpty()
                && history.stream().allMatch(e -> reportedBy.equals(e.actor()) || Actor.SYSTEM.subject().equals(
                e.actor()));
        HazardState from = state;
        String note = blank(reason) ? null : reason;
        if (voids) {
            state = HazardState.VOIDED;
            voidedAt = now;
            voidReason = note;
            overdue = false;
            step("void", from, actor, now, note, List.of(), details);
        } else {
            findingWithdrawnAt = now;
            step("finding-withdrawn", from, actor, now, note, List.of(), details
                    + (ownFinding ? " kept=" + keptBecause() : " corroboration"));
        }
        registerEvent(new HazardFindingWithdrawn(snapshot(actor, now), findingRef, note, withdrawnBy, withdrawnAt,
                voids));
        return true;
    }

    /** Why a hazard whose own finding was withdrawn is kept (a word for its history). */
    private String keptBecause() {
        if (state != HazardState.REPORTED) {
            return "state-" + state;
        }
        return corroborations.isEmpty() ? "acted-on" : "corroborated";
    }

    /** Another finding of the same hazard joins this ticket; false when that finding was already joined. */
    public boolean corroborate(Corroboration c, Actor actor, Instant now) {
        if (state.isFinal()) {
            throw conflict("corroborate");
        }
        if (c.sourceKey() != null && corroborations.stream().anyMatch(x -> c.sourceKey().equals(x.sourceKey()))) {
            return false;
        }
        corroborations.add(c);
        step("corroborate", state, actor, now, c.description(), List.of(),
                "source=" + c.source() + " ref=" + c.sourceRef());
        registerEvent(new HazardCorroborated(snapshot(actor, now), c.source().name(), c.sourceRef(), c.firmId()));
        return true;
    }

    public void addEvidence(String evidenceId, String phase, String sha256, String contentType, long size, Actor actor,
                            Instant now) {
        if (state.isFinal()) {
            throw conflict("evidence");
        }
        evidenceIds.add(evidenceId);
        step("evidence", state, actor, now, phase, List.of(evidenceId), "sha256=" + sha256);
        registerEvent(new HazardEvidenceAdded(snapshot(actor, now), evidenceId, phase, sha256, contentType, size));
    }

    /**
     * Marks the hazard overdue and escalates the steps that are due (each once): rectification overdue after the
     * deadline day, unacknowledged transfers after the acknowledgement deadline. {@code today} is the city's day of
     * {@code now}. Returns whether anything changed.
     */
    public boolean escalate(Instant now, LocalDate today, List<Integer> stepsDays) {
        boolean changed = false;
        if (rectificationOpen() && deadline != null && today.isAfter(deadline)) {
            long daysPast = ChronoUnit.DAYS.between(deadline.plusDays(1), today);
            if (!overdue) {
                overdue = true;
                step("overdue", state, Actor.SYSTEM, now, null, List.of(), "deadline=" + deadline);
                registerEvent(new HazardOverdue(snapshot(Actor.SYSTEM, now), daysPast + 1));
                changed = true;
            }
            int due = dueLevel(daysPast, stepsDays);
            while (escalationLevel < due) {
                escalationLevel++;
                recordEscalation(escalationLevel, "RECTIFICATION_OVERDUE", now);
                changed = true;
            }
        }
        if (acknowledgementPending() && state == HazardState.TRANSFERRED && now.isAfter(acknowledgeBy)) {
            long daysPast = Duration.between(acknowledgeBy, now).toDays();
            int due = dueLevel(daysPast, stepsDays);
            while (acknowledgeEscalationLevel < due) {
                acknowledgeEscalationLevel++;
                recordEscalation(acknowledgeEscalationLevel, "TRANSFER_UNACKNOWLEDGED", now);
                changed = true;
            }
        }
        return changed;
    }

    private static int dueLevel(long daysPast, List<Integer> stepsDays) {
        int due = 0;
        for (int step : stepsDays) {
            if (daysPast >= step) {
                due++;
            }
        }
        return Math.min(due, 3);
    }

    private void recordEscalation(int level, String reason, Instant now) {
        String target = switch (level) {
            case 1 -> "RESPONSIBLE_PARTY";
            case 2 -> "TOWN";
            default -> "CITY";
        };
        step("escalate", state, Actor.SYSTEM, now, null, List.of(), "level=" + level + " target=" + target
                + " reason=" + reason);
        registerEvent(new HazardEscalated(snapshot(Actor.SYSTEM, now), level, target, reason));
    }

    /** Whether evidence of this phase (BEFORE, AFTER) was attached: each upload is a history entry noting its phase. */
    public boolean hasEvidence(String phase) {
        return history.stream().anyMatch(e -> "evidence".equals(e.command()) && phase.equals(e.note()));
    }

    /** Recomputes the history chain: the seq of the first broken entry, or -1 when intact. */
    public int firstBrokenEntry() {
        String previous = HistoryEntry.GENESIS;
        for (int i = 0; i < history.size(); i++) {
            HistoryEntry e = history.get(i);
            if (e.seq() != i + 1 || !previous.equals(e.previousHash()) || !e.recomputeHash().equals(e.hash())) {
                return i + 1;
            }
            previous = e.hash();
        }
        return -1;
    }

    // ---- rules ----------------------------------------------------------------------------------------------------

    boolean rectificationOpen() {
        return state == HazardState.REPORTED || state == HazardState.TRANSFERRED || state == HazardState.RECTIFYING;
    }

    public boolean acknowledgementPending() {
        return transferredDepartmentId != null && acknowledgedAt == null;
    }

    /** The commands the current state allows (what a 409 tells the client to do instead). */
    public List<String> allowedCommands() {
        List<String> allowed = new ArrayList<>();
        switch (state) {
            case REPORTED -> allowed.add("transfer");
            case TRANSFERRED -> {
                allowed.add("acknowledge");
                if (acknowledgementPending()) {
                    allowed.add("refuse-transfer");
                    allowed.add("reroute-transfer");
                }
                if (!acknowledgementPending() && !awaitsSupervisionOrder()) {
                    allowed.add("rectify");
                }
            }
            case RECTIFYING -> {
                if (!awaitsSupervisionOrder()) {
                    allowed.add("rectify");
                }
            }
            case REVIEW -> allowed.add("review");
            case ENFORCEMENT -> {
                if (enforcement == null) {
                    allowed.add("enforce");
                }
                if (severity == Severity.MAJOR && signedOffBy == null) {
                    allowed.add("sign-off");
                }
                allowed.add("close");
            }
            case CLOSED, VOIDED -> {
                return allowed;
            }
        }
        if (severity == Severity.MAJOR && supervisionOrderNumber == null) {
            allowed.add("supervision-order");
        }
        if (severity == Severity.GENERAL) {
            allowed.add("raise-severity");
        }
        allowed.add("evidence");
        return allowed;
    }

    /** A major hazard without the town's supervision order may not be rectified yet (督办在先). */
    private boolean awaitsSupervisionOrder() {
        return severity == Severity.MAJOR && supervisionOrderNumber == null;
    }

    /**
     * Whether the reviewer would review their own rectification: the same person, or an officer of the establishment
     * when the establishment rectified (谁整改、谁不复核).
     */
    private boolean reviewsOwnRectification(Actor actor) {
        if (rectifiedBy == null) {
            return false;
        }
        return actor.subject().equals(rectifiedBy)
                || ("ENTERPRISE_OFFICER".equals(rectifierRole) && "ENTERPRISE_OFFICER".equals(actor.role()));
    }

    /**
     * The signatures on this hazard (H-6): who recorded it, rectified it, reviewed it and recorded the enforcement
     * decision, each with role, time and the history entry (with its chained hash) that holds it. The identities come
     * from the callers' tokens when the commands ran.
     */
    public List<Signature> signatures() {
        List<Signature> signed = new ArrayList<>();
        for (HistoryEntry e : history) {
            String as = switch (e.command()) {
                case "report" -> "RECORDER";
                case "rectify" -> "RECTIFIER";
                case "review" -> "REVIEWER";
                case "enforce" -> "ENFORCEMENT_RECORDER";
                case "sign-off" -> "SIGN_OFF";
                default -> null;
            };
            if (as != null) {
                signed.add(new Signature(as, e.actor(), e.actorName(), e.actorRole(), e.at(), e.seq(), e.hash()));
            }
        }
        return signed;
    }

    private void require(String command, HazardState expected) {
        if (state != expected) {
            throw conflict(command);
        }
    }

    private ConflictException conflict(String command) {
        return new ConflictException("'" + command + "' is not allowed while the hazard is " + state, state.name(),
                allowedCommands());
    }

    private void step(String command, HazardState from, Actor actor, Instant now, String note, List<String> evidence,
                      String details) {
        revision++;
        appendHistory(command, from, actor, now, note, evidence, details);
    }

    private void appendHistory(String command, HazardState from, Actor actor, Instant now, String note,
                               List<String> evidence, String details) {
        String previous = history.isEmpty() ? HistoryEntry.GENESIS : history.get(history.size() - 1).hash();
        history.add(HistoryEntry.of(history.size() + 1, command, from == null ? null : from.name(), state.name(),
                actor.subject(), actor.name(), actor.role(), now, note, evidence, details, previous));
    }

    /**
     * The hazard as every event describes it, after the change: the one place the shared fields of the events are
     * built.
     */
    private HazardSnapshot snapshot(Actor actor, Instant now) {
        return new HazardSnapshot(id, establishmentId, townId, departmentId, category, severity.name(), source.name(),
                state.name(), deadline, overdue, revision, now, actor.subject(), actor.role(), industry);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The department that supervises this hazard: the one it was transferred to, else the establishment's. */
    public String supervisingDepartment() {
        return transferredDepartmentId != null ? transferredDepartmentId : departmentId;
    }

    // ---- read access ----------------------------------------------------------------------------------------------

    public String id() { return id; }
    public long revision() { return revision; }
    public String establishmentId() { return establishmentId; }
    public String townId() { return townId; }
    public String departmentId() { return departmentId; }
    public String industry() { return industry; }
    public String category() { return category; }
    public Severity severity() { return severity; }
    public HazardSource source() { return source; }
    public String sourceRef() { return sourceRef; }
    public String sourceKey() { return sourceKey; }
    public String firmId() { return firmId; }
    public String channel() { return channel; }
    public String description() { return description; }
    public HazardState state() { return state; }
    public String reportedBy() { return reportedBy; }
    public String reportedByName() { return reportedByName; }
    public String reporterRole() { return reporterRole; }
    public String reporterInspectorId() { return reporterInspectorId; }
    public Instant reportedAt() { return reportedAt; }
    public Instant foundAt() { return foundAt; }
    public LocalDate deadline() { return deadline; }
    public boolean overdue() { return overdue; }
    public int escalationLevel() { return escalationLevel; }
    public boolean toEstablishment() { return toEstablishment; }
    public String transferredDepartmentId() { return transferredDepartmentId; }
    public Instant acknowledgeBy() { return acknowledgeBy; }
    public Instant acknowledgedAt() { return acknowledgedAt; }
    public int acknowledgeEscalationLevel() { return acknowledgeEscalationLevel; }
    public Rectification rectification() { return rectification; }
    public String rectifiedBy() { return rectifiedBy; }
    public int failedReviews() { return failedReviews; }
    public String reviewedBy() { return reviewedBy; }
    public Enforcement enforcement() { return enforcement; }
    public String supervisionOrderNumber() { return supervisionOrderNumber; }
    public String supervisionOrderedBy() { return supervisionOrderedBy; }
    public Instant supervisionOrderedAt() { return supervisionOrderedAt; }
    public String signedOffBy() { return signedOffBy; }
    public String signedOffDepartmentId() { return signedOffDepartmentId; }
    public Instant signedOffAt() { return signedOffAt; }
    public Instant closedAt() { return closedAt; }
    public Instant voidedAt() { return voidedAt; }
    public String voidReason() { return voidReason; }
    /** When a finding of this hazard was last withdrawn while the hazard was kept (the town's inbox lists it). */
    public Instant findingWithdrawnAt() { return findingWithdrawnAt; }
    public String rectifierRole() { return rectifierRole; }
    public String refusedDepartmentId() { return refusedDepartmentId; }
    public String refusalReason() { return refusalReason; }
    public Instant refusedAt() { return refusedAt; }
    public String severityRaisedReason() { return severityRaisedReason; }
    public String severityRaisedBy() { return severityRaisedBy; }
    public Instant severityRaisedAt() { return severityRaisedAt; }
    public List<Corroboration> corroborations() { return List.copyOf(corroborations); }
    public List<String> evidenceIds() { return List.copyOf(evidenceIds); }
    public List<HistoryEntry> history() { return List.copyOf(history); }

    @Override
    public String aggregateId() {
        return id;
    }
}
