package org.liuhua.events.grid;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * The town reviewed an enterprise's proposed update: APPROVED (the values were applied; the establishment's
 * {@code establishment-changed} with the new facts follows) or REJECTED (with the reason). Key: {@code establishmentId}.
 *
 * @param decision APPROVED or REJECTED
 * @param reason   the reviewer's reason (required for a rejection)
 * @param posts    the proposed whole new list of posts (岗位/班组), or null when the proposal left them unchanged
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.establishment-update-reviewed.v1", topic = Topics.GRID)
public record EstablishmentUpdateReviewed(
        String proposalId,
        String establishmentId,
        String townId,
        String decision,
        Integer employeeCount,
        Integer workshops,
        String reason,
        String reviewedBy,
        Instant reviewedAt,
        List<EstablishmentPost> posts) {

    public EstablishmentUpdateReviewed {
        posts = posts == null ? null : List.copyOf(posts);
    }
}
