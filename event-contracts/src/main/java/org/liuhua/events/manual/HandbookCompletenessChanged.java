package org.liuhua.events.manual;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * How complete an establishment's handbook is changed (M-4): how many posts it has, how many carry a post safety
 * card, which posts have none, how many templates it adopted and how many of them have a newer published version it
 * has not confirmed. Key: {@code establishmentId}; the last event is the current state (reporting's adoption and
 * completeness rates).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.manual.handbook-completeness-changed.v1", topic = Topics.MANUAL)
public record HandbookCompletenessChanged(
        String establishmentId,
        String townId,
        String departmentId,
        String industry,
        int posts,
        int postsWithCard,
        List<String> missingPosts,
        boolean complete,
        int adoptedTemplates,
        int outdatedAdoptions,
        Instant changedAt) {
}
