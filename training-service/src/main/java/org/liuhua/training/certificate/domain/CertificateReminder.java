package org.liuhua.training.certificate.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.liuhua.events.training.CertificateExpiryReminded;
import org.liuhua.kit.domain.AggregateRoot;

/**
 * One reminder of one certificate at one threshold, and the establishment's inbox entry for it. Its id is
 * {@code <certificateId>:<thresholdDays>}: writing it is insert-first, so whichever replica or run gets there first
 * sends it, and every other attempt — after a restart, on a second replica — fails on the unique id and sends nothing.
 */
public class CertificateReminder extends AggregateRoot {

    private String id;
    private String certificateId;
    private String staffId;
    private String establishmentId;
    private String townId;
    private String role;
    private String category;
    private String number;
    private LocalDate expiresOn;
    private int thresholdDays;
    private long daysLeft;
    private Instant remindedAt;
    private Instant acknowledgedAt;
    private String acknowledgedBy;

    CertificateReminder() {
    }

    public static String idFor(String certificateId, int thresholdDays) {
        return certificateId + ":" + thresholdDays;
    }

    public static CertificateReminder of(Certificate c, int thresholdDays, LocalDate today, Instant now) {
        CertificateReminder r = new CertificateReminder();
        r.id = idFor(c.id(), thresholdDays);
        r.certificateId = c.id();
        r.staffId = c.staffId();
        r.establishmentId = c.establishmentId();
        r.townId = c.townId();
        r.role = c.role().name();
        r.category = c.category();
        r.number = c.number();
        r.expiresOn = c.expiresOn();
        r.thresholdDays = thresholdDays;
        r.daysLeft = c.daysLeft(today);
        r.remindedAt = now;
        r.registerEvent(new CertificateExpiryReminded(r.id, c.id(), c.staffId(), c.establishmentId(), c.townId(),
                r.role, c.category(), c.expiresOn(), thresholdDays, r.daysLeft, now));
        return r;
    }

    public boolean acknowledge(String by, Instant now) {
        if (acknowledgedAt != null) {
            return false;
        }
        acknowledgedAt = now;
        acknowledgedBy = by;
        return true;
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String certificateId() { return certificateId; }
    public String staffId() { return staffId; }
    public String establishmentId() { return establishmentId; }
    public String townId() { return townId; }
    public String role() { return role; }
    public String category() { return category; }
    public String number() { return number; }
    public LocalDate expiresOn() { return expiresOn; }
    public int thresholdDays() { return thresholdDays; }
    public long daysLeft() { return daysLeft; }
    public Instant remindedAt() { return remindedAt; }
    public Instant acknowledgedAt() { return acknowledgedAt; }
    public String acknowledgedBy() { return acknowledgedBy; }
}
