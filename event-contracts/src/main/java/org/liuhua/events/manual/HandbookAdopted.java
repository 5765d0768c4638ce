package org.liuhua.events.manual;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An establishment adopted a published template version into its handbook (M-4), or re-confirmed a newer version of
 * one it had adopted ({@code previousVersion} is then the version it left). Key: {@code establishmentId}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.manual.handbook-adopted.v1", topic = Topics.MANUAL)
public record HandbookAdopted(
        String establishmentId,
        String townId,
        String departmentId,
        String industry,
        String templateId,
        String templateCode,
        String kind,
        int version,
        Integer previousVersion,
        String adoptedBy,
        Instant adoptedAt) {
}
