package org.liuhua.training.certificate.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.liuhua.events.training.CertificateRegistered;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.training.staff.domain.StaffRole;

/**
 * A certificate of one of the three certified roles (三项岗位人员, T-4): the principal's and the safety manager's
 * 安全生产知识和管理能力考核合格证, a special-operations worker's 特种作业操作证. Valid on a day when it is ACTIVE and the day
 * lies between issue and expiry; a renewal supersedes the older certificate of the same category.
 */
public class Certificate extends AggregateRoot {

    public enum Status { ACTIVE, SUPERSEDED }

    private String id;
    private String staffId;
    private String establishmentId;
    private String townId;
    private StaffRole role;
    private String category;
    private String number;
    private String issuer;
    private LocalDate issuedOn;
    private LocalDate expiresOn;
    private Status status;
    private String supersededBy;
    private Instant recordedAt;
    private String recordedBy;

    Certificate() {
    }

    public static Certificate register(String id, String staffId, String establishmentId, String townId,
                                       StaffRole role, String category, String number, String issuer,
                                       LocalDate issuedOn, LocalDate expiresOn, Instant now, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        if (role == null || !role.certified()) {
            problems.add(new FieldProblem("role", "certificates are kept for PRINCIPAL, SAFETY_MANAGER and"
                    + " SPECIAL_OPERATIONS"));
        }
        if (blank(category)) {
            problems.add(new FieldProblem("category", "is required (e.g. 电工作业, 主要负责人)"));
        }
        if (blank(number)) {
            problems.add(new FieldProblem("number", "is required"));
        }
        if (blank(issuer)) {
            problems.add(new FieldProblem("issuer", "is required"));
        }
        if (issuedOn == null) {
            problems.add(new FieldProblem("issuedOn", "is required"));
        }
        if (expiresOn == null) {
            problems.add(new FieldProblem("expiresOn", "is required"));
        } else if (issuedOn != null && !expiresOn.isAfter(issuedOn)) {
            problems.add(new FieldProblem("expiresOn", "must be after issuedOn"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Certificate c = new Certificate();
        c.id = id;
        c.staffId = staffId;
        c.establishmentId = establishmentId;
        c.townId = townId;
        c.role = role;
        c.category = category.trim();
        c.number = number.trim();
        c.issuer = issuer.trim();
        c.issuedOn = issuedOn;
        c.expiresOn = expiresOn;
        c.status = Status.ACTIVE;
        c.recordedAt = now;
        c.recordedBy = by;
        c.registerEvent(new CertificateRegistered(id, staffId, establishmentId, townId, role.name(), c.category,
                c.issuer, issuedOn, expiresOn, now));
        return c;
    }

    /** A newer certificate of the same category replaces this one; reminders stop. */
    public boolean supersede(String by) {
        if (status != Status.ACTIVE) {
            return false;
        }
        status = Status.SUPERSEDED;
        supersededBy = by;
        return true;
    }

    public boolean validOn(LocalDate day) {
        return status == Status.ACTIVE && !issuedOn.isAfter(day) && !expiresOn.isBefore(day);
    }

    /**
     * The reminder due on a day: the smallest configured threshold the days left fall within (so a certificate
     * entered 20 days before expiry gets the 30-day reminder, not stale 90- and 60-day ones), 0 once expired, none
     * when further away than every threshold or no longer ACTIVE.
     */
    public Integer dueReminder(LocalDate today, List<Integer> thresholds) {
        if (status != Status.ACTIVE) {
            return null;
        }
        long left = daysLeft(today);
        if (left < 0) {
            return 0;
        }
        return thresholds.stream().filter(t -> left <= t).min(Integer::compare).orElse(null);
    }

    public long daysLeft(LocalDate today) {
        return java.time.temporal.ChronoUnit.DAYS.between(today, expiresOn);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String staffId() { return staffId; }
    public String establishmentId() { return establishmentId; }
    public String townId() { return townId; }
    public StaffRole role() { return role; }
    public String category() { return category; }
    public String number() { return number; }
    public String issuer() { return issuer; }
    public LocalDate issuedOn() { return issuedOn; }
    public LocalDate expiresOn() { return expiresOn; }
    public Status status() { return status; }
    public String supersededBy() { return supersededBy; }
    public Instant recordedAt() { return recordedAt; }
}
