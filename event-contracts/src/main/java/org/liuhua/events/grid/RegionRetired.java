package org.liuhua.events.grid;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A village, grid or patrol unit was retired (kept for the archive, no longer used). Key: {@code regionId}.
 * {@code level} is VILLAGE, GRID or UNIT.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.region-retired.v1", topic = Topics.GRID)
public record RegionRetired(
        String regionId,
        String level,
        String townId,
        Instant retiredAt,
        String changedBy,
        long revision) {
}
