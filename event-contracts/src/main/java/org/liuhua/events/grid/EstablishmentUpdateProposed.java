package org.liuhua.events.grid;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An enterprise safety officer proposed new facts for their own establishment (employees, workshops/shifts, posts);
 * the town officer of its town reviews the proposal ({@code establishment-update-reviewed}). Null proposed values are
 * left as they are. Key: {@code establishmentId}.
 *
 * @param proposalId       the proposal
 * @param currentEmployees the establishment's employees when proposed
 * @param employeeCount    proposed employees, or null
 * @param currentWorkshops the establishment's workshops/shifts when proposed
 * @param workshops        proposed workshops/shifts, or null
 * @param note             the enterprise's explanation
 * @param currentPosts     the establishment's posts (岗位/班组) when proposed
 * @param posts            the proposed whole new list of posts, or null (unchanged)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.establishment-update-proposed.v1", topic = Topics.GRID)
public record EstablishmentUpdateProposed(
        String proposalId,
        String establishmentId,
        String townId,
        int currentEmployees,
        Integer employeeCount,
        int currentWorkshops,
        Integer workshops,
        String note,
        String proposedBy,
        Instant proposedAt,
        List<EstablishmentPost> currentPosts,
        List<EstablishmentPost> posts) {

    public EstablishmentUpdateProposed {
        currentPosts = currentPosts == null ? List.of() : List.copyOf(currentPosts);
        posts = posts == null ? null : List.copyOf(posts);
    }
}
