package org.liuhua.hazard.publicreport;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A report from the public (随手拍 / 12350 / whistle-blower, H-10), tracked by its code without an account. A town
 * officer verifies it into a hazard (source PUBLIC_REPORT) or rejects it with a reason. {@code channel} is how it came
 * in ({@link Channel}; reports stored before channels were recorded have none).
 */
@Document(collection = PublicReports.REPORTS)
public record PublicReport(@Id String code, @Version Long version, String townId, String establishmentId,
                           String address, String category, String description, String contact, String state,
                           Instant receivedAt, String answer, String hazardId, String decidedBy, Instant decidedAt,
                           Channel channel) {

    /**
     * The public-report channels (H-2, rugao-liuhua-2026.md items 46–47: 随手拍, 畅通“12350”“12345”等举报渠道, 内部报告):
     * the 随手拍 app or mini-program, the 12345 citizen hotline, the 12350 work-safety hotline, and an employee's
     * report of their own workplace (内部吹哨人).
     */
    public enum Channel { APP_PHOTO, HOTLINE_12345, HOTLINE_12350, INTERNAL_WHISTLEBLOWER }

    static final String RECEIVED = "RECEIVED";
    static final String VERIFIED = "VERIFIED";
    static final String REJECTED = "REJECTED";

    PublicReport decided(String newState, String answer, String hazardId, String decidedBy, Instant at) {
        return new PublicReport(code, version, townId, establishmentId, address, category, description, contact,
                newState, receivedAt, answer, hazardId, decidedBy, at, channel);
    }
}
