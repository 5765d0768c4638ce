package org.liuhua.events.grid;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A node of the region tree was created or changed (city, town, village, grid). Key: {@code regionId}.
 * {@code level} is CITY, TOWN, VILLAGE or GRID; {@code kind} for towns is TOWN, SUBDISTRICT, DEVELOPMENT_ZONE,
 * HIGH_TECH_ZONE or PARK.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.region-changed.v1", topic = Topics.GRID)
public record RegionChanged(
        String regionId,
        String level,
        String kind,
        String name,
        String parentId,
        String townId,
        Instant changedAt,
        long revision) {
}
