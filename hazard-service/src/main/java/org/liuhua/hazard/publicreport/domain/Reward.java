package org.liuhua.hazard.publicreport.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.liuhua.events.hazard.RewardApproved;
import org.liuhua.events.hazard.RewardPaid;
import org.liuhua.events.hazard.RewardProposed;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.ForbiddenException;

/**
 * The reward of a hazard first reported by a verified public report (举报奖励): one per hazard, decided once, so its
 * key is the hazard id (rewards stored before were keyed by the report's code, {@code reportCode} then absent). Its
 * steps (rugao-liuhua-2026.md item 46: 报告受理、核查、反馈及奖励兑现等环节闭环管理): earned when the report is verified
 * ({@code PENDING}), proposed at the amount the city's rule gives for the hazard's severity ({@code PROPOSED}),
 * approved by the city — by another officer than the proposer ({@code APPROVED}) —, paid with the payment's
 * reference and day ({@code PAID}). Each step is an event.
 */
public class Reward extends AggregateRoot {

    public static final String PENDING = "PENDING";
    public static final String PROPOSED = "PROPOSED";
    public static final String APPROVED = "APPROVED";
    public static final String PAID = "PAID";

    private String id;
    private String reportCode;
    private String hazardId;
    private String townId;
    private BigDecimal amountCny;
    private String state;
    private Instant createdAt;
    private String severity;
    private String proposedBy;
    private String proposerRole;
    private Instant proposedAt;
    private String approvedBy;
    private String approverRole;
    private Instant approvedAt;
    private String paymentReference;
    private LocalDate paidOn;
    private String paidRecordedBy;
    private String paidRecorderRole;
    private Instant paidRecordedAt;

    protected Reward() {
    }

    /** Earned by the first valid report of a hazard; {@code amountCny} is the rule's amount when earned. */
    public static Reward earned(String hazardId, String reportCode, String townId, BigDecimal amountCny, Instant now) {
        Reward r = new Reward();
        r.id = hazardId;
        r.reportCode = reportCode;
        r.hazardId = hazardId;
        r.townId = townId;
        r.amountCny = amountCny;
        r.state = PENDING;
        r.createdAt = now;
        return r;
    }

    /** Proposes the reward at the rule's amount for the hazard's severity now (a hazard raised to major earns more). */
    public void propose(String hazardSeverity, BigDecimal ruleAmount, String actor, String actorRole, Instant now) {
        require("propose", PENDING);
        severity = hazardSeverity;
        amountCny = ruleAmount;
        proposedBy = actor;
        proposerRole = actorRole;
        proposedAt = now;
        state = PROPOSED;
        registerEvent(new RewardProposed(id, hazardId, townId, severity, amountCny, actor, actorRole, now));
    }

    /** The city approves; the officer who proposed it may not (四眼原则: proposal and approval by two people). */
    public void approve(String actor, String actorRole, Instant now) {
        require("approve", PROPOSED);
        if (actor.equals(proposedBy)) {
            throw new ForbiddenException("H-10 reward four-eyes: the officer who proposed the reward does not approve"
                    + " it; another city officer approves");
        }
        approvedBy = actor;
        approverRole = actorRole;
        approvedAt = now;
        state = APPROVED;
        registerEvent(new RewardApproved(id, hazardId, townId, amountCny, actor, actorRole, now));
    }

    /** Records the payment (奖励兑现) of an approved reward. */
    public void pay(String reference, LocalDate day, String actor, String actorRole, Instant now) {
        require("pay", APPROVED);
        paymentReference = reference;
        paidOn = day;
        paidRecordedBy = actor;
        paidRecorderRole = actorRole;
        paidRecordedAt = now;
        state = PAID;
        registerEvent(new RewardPaid(id, hazardId, townId, amountCny, reference, day, actor, actorRole, now));
    }

    /** The step the reward is ready for, if any. */
    public List<String> allowedCommands() {
        return switch (state == null ? PENDING : state) {
            case PENDING -> List.of("propose");
            case PROPOSED -> List.of("approve");
            case APPROVED -> List.of("pay");
            default -> List.of();
        };
    }

    private void require(String command, String needed) {
        String current = state == null ? PENDING : state;
        if (!needed.equals(current)) {
            throw new ConflictException("cannot " + command + " a reward in state " + current, current,
                    allowedCommands());
        }
    }

    /** The report that earned it. */
    public String earnedBy() {
        return reportCode != null ? reportCode : id;
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String reportCode() { return reportCode; }
    public String hazardId() { return hazardId; }
    public String townId() { return townId; }
    public BigDecimal amountCny() { return amountCny; }
    public String state() { return state == null ? PENDING : state; }
    public Instant createdAt() { return createdAt; }
    public String severity() { return severity; }
    public String proposedBy() { return proposedBy; }
    public String proposerRole() { return proposerRole; }
    public Instant proposedAt() { return proposedAt; }
    public String approvedBy() { return approvedBy; }
    public String approverRole() { return approverRole; }
    public Instant approvedAt() { return approvedAt; }
    public String paymentReference() { return paymentReference; }
    public LocalDate paidOn() { return paidOn; }
    public Instant paidRecordedAt() { return paidRecordedAt; }
}
