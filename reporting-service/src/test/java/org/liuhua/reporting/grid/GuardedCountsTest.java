package org.liuhua.reporting.grid;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liuhua.reporting.ProjectorTestSupport.mongo;

class GuardedCountsTest {

    final MongoTemplate mongo = mongo();

    @Test
    void theDifferenceMovesAContributionAndDropsWhatStays() {
        var moved = GuardedCounts.difference(
                Map.of("city", List.of("total", "byTown.a"), "town:a", List.of("total")),
                Map.of("city", List.of("total", "byTown.b"), "town:b", List.of("total")));

        assertThat(moved).isEqualTo(Map.of("city", Map.of("byTown.a", -1, "byTown.b", 1),
                "town:a", Map.of("total", -1), "town:b", Map.of("total", 1)));
    }

    @Test
    void aMoveIsAppliedOnceWhenTheBatchIsDeliveredAgainAfterTheCountsWereWritten() {
        var first = new GuardedCounts.Move("est-1@1", Map.of("town:a", Map.of("total", 1)));
        var second = new GuardedCounts.Move("est-2@1", Map.of("town:a", Map.of("total", 1)));

        GuardedCounts.apply(mongo, "moves", "counts", List.of(first));
        // the projector stopped before writing its register; the whole batch comes again
        GuardedCounts.apply(mongo, "moves", "counts", List.of(first, second, second));

        assertThat(mongo.findById("town:a", Document.class, "counts")).containsEntry("total", 2);
    }
}
