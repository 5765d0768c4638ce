package org.liuhua.hazard.publicreport;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A report from the public (随手拍 / 12350 / whistle-blower, H-10), tracked by its code without an account. A town
 * officer verifies it into a hazard (source PUBLIC_REPORT) or rejects it with a reason.
 */
@Document(collection = PublicReports.REPORTS)
public record PublicReport(@Id String code, @Version Long version, String townId, String establishmentId,
                           String address, String category, String description, String contact, String state,
                           Instant receivedAt, String answer, String hazardId, String decidedBy, Instant decidedAt) {

    static final String RECEIVED = "RECEIVED";
    static final String VERIFIED = "VERIFIED";
    static final String REJECTED = "REJECTED";

    PublicReport decided(String newState, String answer, String hazardId, String decidedBy, Instant at) {
        return new PublicReport(code, version, townId, establishmentId, address, category, description, contact,
                newState, receivedAt, answer, hazardId, decidedBy, at);
    }
}
