package org.liuhua.events.manual;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An item of a checklist run failed: hazard-service turns it into exactly one hazard, de-duplicating on
 * {@code findingKey} ({@code runId:itemCode}, stable across redeliveries and relay retries). {@code source}
 * ENTERPRISE_SELF_CHECK, GRID_PATROL or THIRD_PARTY (the run's context); {@code severity} MAJOR for a major item,
 * else GENERAL; {@code category} from the item; {@code photoId} an optional photo kept by manual-service. Key:
 * {@code runId}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.manual.checklist-item-failed.v1", topic = Topics.MANUAL)
public record ChecklistItemFailed(
        String findingKey,
        String runId,
        String itemCode,
        String establishmentId,
        String townId,
        String departmentId,
        String source,
        String severity,
        String category,
        String description,
        String legalBasis,
        String photoId,
        String checkedBy,
        Instant checkedAt) {
}
