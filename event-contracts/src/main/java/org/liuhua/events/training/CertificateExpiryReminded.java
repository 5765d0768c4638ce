package org.liuhua.events.training;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * The establishment was reminded, once, that a certificate expires within {@code thresholdDays} (one of the configured
 * 90/60/30/7), or has expired ({@code thresholdDays} 0). Key: {@code reminderId}, which is
 * {@code <certificateId>:<thresholdDays>}: the same on every replica and after every restart.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.training.certificate-expiry-reminded.v1", topic = Topics.TRAINING)
public record CertificateExpiryReminded(
        String reminderId,
        String certificateId,
        String staffId,
        String establishmentId,
        String townId,
        String role,
        String category,
        LocalDate expiresOn,
        int thresholdDays,
        long daysLeft,
        Instant remindedAt) {
}
