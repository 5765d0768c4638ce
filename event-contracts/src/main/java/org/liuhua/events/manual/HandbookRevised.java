package org.liuhua.events.manual;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An establishment revised its handbook: adopted or re-confirmed a template ({@code ADOPTION}), changed its posts
 * ({@code POSTS}), issued or revised a card ({@code CARD}) or completed its periodic review ({@code REVIEW}). Key:
 * {@code establishmentId}. {@code month} ({@code 2026-11}, city calendar) feeds the monthly table's "enterprises
 * revising rules / rules revised" columns.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.manual.handbook-revised.v1", topic = Topics.MANUAL)
public record HandbookRevised(
        String establishmentId,
        String townId,
        String departmentId,
        String revision,
        String refId,
        String month,
        String revisedBy,
        Instant revisedAt) {
}
