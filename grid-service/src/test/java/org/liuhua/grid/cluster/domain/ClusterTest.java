package org.liuhua.grid.cluster.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterTest {

    private static Cluster tenMembers() {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            members.add("est-" + i);
        }
        return Cluster.create("c", "集中区", "zjg-jinfeng", members);
    }

    private static void assess(Cluster cluster, int member, boolean passed, String date) {
        Instant at = Instant.parse(date + "T00:00:00Z");
        cluster.assess(new Assessment("est-" + member, passed, List.of(), at, "insp", at, List.of()), 70);
    }

    @Test
    void sevenOfTenIsStandardisedSixIsNot() {
        Cluster cluster = tenMembers();
        for (int i = 0; i < 6; i++) {
            assess(cluster, i, true, "2026-09-01");
        }
        assertThat(cluster.standardised(70)).isFalse();
        assess(cluster, 6, true, "2026-09-01");
        assertThat(cluster.standardised(70)).isTrue();
    }

    @Test
    void theLatestAssessmentOfAMemberCounts() {
        Cluster cluster = tenMembers();
        assess(cluster, 0, true, "2026-01-01");
        assess(cluster, 0, false, "2026-06-01");
        assertThat(cluster.passingMembers()).isZero();
        assess(cluster, 0, true, "2026-03-01");
        assertThat(cluster.passingMembers()).as("an older assessment recorded later does not win").isZero();
    }
}
