package org.liuhua.grid;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.liuhua.grid.cluster.domain.Assessment;
import org.liuhua.grid.establishment.domain.OfficerBinding;
import org.liuhua.grid.establishment.domain.Post;
import org.liuhua.grid.inspector.domain.UnitBinding;
import org.liuhua.grid.patrol.TrackBatch;
import org.liuhua.grid.patrol.domain.CheckIn;
import org.liuhua.grid.patrol.domain.Finding;
import org.liuhua.kit.test.ArchitectureRules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * grid-service keeps the one architecture of every Liuhua service: package by feature without cycles between
 * features; in each feature a plain-Java domain (no Spring, MongoDB, Kafka or web type — the aggregates carry no
 * mapping annotations), the application above it and the web and messaging adapters on top, never the other way.
 */
class ArchitectureTest {

    @Test
    void theServiceFollowsTheKitsArchitectureRules() {
        ArchitectureRules.verify("org.liuhua.grid");
    }

    /** Spring Data would store a nested field named {@code id} as {@code _id}. */
    @Test
    void embeddedRecordsDoNotNameAFieldId() {
        for (Class<?> embedded : List.of(OfficerBinding.class, Post.class, UnitBinding.class, CheckIn.class,
                Finding.class, Assessment.class, TrackBatch.TrackPoint.class)) {
            for (var component : embedded.getRecordComponents()) {
                assertThat(component.getName()).as(embedded.getSimpleName()).isNotEqualTo("id");
            }
        }
    }
}
