package org.liuhua.reporting.names;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.grid.RegionChanged;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liuhua.reporting.ProjectorTestSupport.event;
import static org.liuhua.reporting.ProjectorTestSupport.mongo;

class RegionNamesTest {

    final MongoTemplate mongo = mongo();
    final NamesProjector projector = new NamesProjector(mongo);

    RegionNames names(int generation) {
        Projections projections = () -> new ProjectionSpace(generation);
        return new RegionNames(mongo, projections, new NamesProperties(null));
    }

    static RegionChanged town(String id, String name, long revision) {
        return new RegionChanged(id, "TOWN", "TOWN", name, "zjg", id, Instant.parse("2026-11-01T00:00:00Z"), revision);
    }

    @Test
    void townNamesFollowTheLatestRevisionAndAReplayIntoANewGenerationRebuildsThem() {
        var renamed = event(town("zjg-jinfeng", "锦丰镇", 2));
        var first = event(town("zjg-jinfeng", "锦丰", 1));
        var village = event(new RegionChanged("zjg-jinfeng-v01", "VILLAGE", null, "锦丰镇 第一村", "zjg-jinfeng",
                "zjg-jinfeng", Instant.parse("2026-11-01T00:00:00Z"), 1));
        projector.apply(List.of(renamed), new ProjectionSpace(1));
        projector.apply(List.of(first, village), new ProjectionSpace(1));

        assertThat(names(1).town("zjg-jinfeng")).isEqualTo("锦丰镇");
        assertThat(names(1).towns()).extracting(RegionNames.Town::townId).containsExactly("zjg-jinfeng");
        assertThat(names(1).town("zjg-unknown")).isEqualTo("zjg-unknown");
        assertThat(names(2).town("zjg-jinfeng")).as("generation 2 before its replay").isEqualTo("zjg-jinfeng");

        projector.apply(List.of(first, renamed, village), new ProjectionSpace(2));
        assertThat(names(2).town("zjg-jinfeng")).isEqualTo("锦丰镇");
        assertThat(names(2).towns()).hasSize(1);
    }

    @Test
    void departmentsAreNamedFromTheRegisterAndOtherwiseByTheirId() {
        assertThat(names(1).department("dept-emergency")).isEqualTo("应急管理局");
        assertThat(names(1).department("dept-new")).isEqualTo("dept-new");
        assertThat(new NamesProperties(Map.of("dept-new", "数据局")).departments()).containsEntry("dept-new", "数据局");
    }
}
