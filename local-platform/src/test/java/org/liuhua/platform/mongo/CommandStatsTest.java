package org.liuhua.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

/** The store's command statistics name each command by collection and the field names of its filter, never values. */
class CommandStatsTest {

    @Test
    void commandsAreKeyedByCollectionAndFilterFieldsAndListedByTotalTime() {
        CommandStats stats = new CommandStats();
        stats.record("hazard", "find", new Document("find", "hazards")
                .append("filter", new Document("townId", "zjg-jinfeng").append("state", "OPEN")), 3_000_000);
        stats.record("hazard", "find", new Document("find", "hazards")
                .append("filter", new Document("state", "CLOSED").append("townId", "zjg-leyu")), 5_000_000);
        stats.record("reporting", "update", new Document("update", "inspector_months_v1")
                .append("updates", List.of(new Document("q", new Document("_id", "2026-11")))), 20_000_000);
        stats.record("hazard", "aggregate", new Document("aggregate", "hazards").append("pipeline",
                List.of(new Document("$match", new Document("_id", "h-1")), new Document("$limit", 1))), 1_000_000);

        List<String> top = stats.top();
        assertThat(top.get(0)).startsWith("4 commands since start");
        assertThat(top.get(1)).contains("reporting update inspector_months_v1 [_id]").contains("20");
        assertThat(top.get(2)).as("one entry for both finds, whatever the values and the order of their fields")
                .contains("hazard find hazards [state, townId]").contains(" 2 ").contains("4.00");
        assertThat(top.get(3)).contains("hazard aggregate hazards $match[_id]");
        assertThat(String.join("\n", top)).doesNotContain("zjg-jinfeng", "h-1", "2026-11");
    }
}
