package org.liuhua.events.training;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A certificate of one of the three certified roles (T-4) was registered. Key: {@code certificateId}. {@code role}
 * PRINCIPAL, SAFETY_MANAGER or SPECIAL_OPERATIONS; {@code category} e.g. 电工作业, 焊接与热切割作业.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.training.certificate-registered.v1", topic = Topics.TRAINING)
public record CertificateRegistered(
        String certificateId,
        String staffId,
        String establishmentId,
        String townId,
        String role,
        String category,
        String issuer,
        LocalDate issuedOn,
        LocalDate expiresOn,
        Instant recordedAt) {
}
