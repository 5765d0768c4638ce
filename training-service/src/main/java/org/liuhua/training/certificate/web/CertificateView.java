package org.liuhua.training.certificate.web;

import java.time.Instant;
import java.time.LocalDate;

import org.liuhua.training.certificate.domain.Certificate;
import org.liuhua.training.certificate.domain.CertificateReminder;

/** A certificate as the API shows it, with its validity today. */
public record CertificateView(String id, String staffId, String establishmentId, String townId, String role,
                              String category, String number, String issuer, LocalDate issuedOn, LocalDate expiresOn,
                              String status, boolean validToday, long daysLeft, Instant recordedAt) {

    public static CertificateView of(Certificate c, LocalDate today) {
        return new CertificateView(c.id(), c.staffId(), c.establishmentId(), c.townId(), c.role().name(),
                c.category(), c.number(), c.issuer(), c.issuedOn(), c.expiresOn(), c.status().name(), c.validOn(today),
                c.daysLeft(today), c.recordedAt());
    }

    /** An inbox entry: one reminder. */
    public record Reminder(String id, String certificateId, String staffId, String establishmentId, String role,
                           String category, String number, LocalDate expiresOn, int thresholdDays, long daysLeft,
                           Instant remindedAt, Instant acknowledgedAt, String acknowledgedBy) {

        public static Reminder of(CertificateReminder r) {
            return new Reminder(r.id(), r.certificateId(), r.staffId(), r.establishmentId(), r.role(), r.category(),
                    r.number(), r.expiresOn(), r.thresholdDays(), r.daysLeft(), r.remindedAt(), r.acknowledgedAt(),
                    r.acknowledgedBy());
        }
    }
}
