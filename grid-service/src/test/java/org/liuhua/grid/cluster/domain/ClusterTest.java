package org.liuhua.grid.cluster.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.domain.ConflictException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterTest {

    private static final Instant NOW = Instant.parse("2026-10-01T00:00:00Z");
    private int next;

    private static Cluster tenMembers() {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            members.add("est-" + i);
        }
        return Cluster.create("c", "集中区", "zjg-jinfeng", members, "officer", NOW, 70);
    }

    private String assess(Cluster cluster, int member, boolean passed, String date, boolean signed) {
        Instant at = Instant.parse(date + "T00:00:00Z");
        String id = "a-" + next++;
        cluster.assess(new Assessment("est-" + member, passed, List.of(), at, "insp", at, List.of(), id, null, null), true);
        if (signed) {
            cluster.signOff(id, "town-officer", NOW, 70);
        }
        return id;
    }

    @Test
    void sevenOfTenIsStandardisedSixIsNotAndUnsignedDoesNotCount() {
        Cluster cluster = tenMembers();
        for (int i = 0; i < 6; i++) {
            assess(cluster, i, true, "2026-09-01", true);
        }
        String seventh = assess(cluster, 6, true, "2026-09-01", false);
        assertThat(cluster.standardised(70)).as("the seventh is not signed off").isFalse();
        cluster.signOff(seventh, "town-officer", NOW, 70);
        assertThat(cluster.standardised(70)).isTrue();
    }

    @Test
    void theLatestSignedAssessmentOfAMemberCounts() {
        Cluster cluster = tenMembers();
        assess(cluster, 0, true, "2026-01-01", true);
        assess(cluster, 0, false, "2026-06-01", true);
        assertThat(cluster.passingMembers()).isZero();
        assess(cluster, 0, true, "2026-03-01", true);
        assertThat(cluster.passingMembers()).as("an older assessment recorded later does not win").isZero();
    }

    @Test
    void anAssessmentFromBeforeSignOffExistedWaitsUnderALegacyIdAndCanBeSignedOff() {
        Cluster cluster = tenMembers();
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        cluster.assess(new Assessment("est-0", true, List.of(), at, "insp", at, List.of(), null, null, null), false);
        assertThat(cluster.passingMembers()).isZero();
        assertThat(cluster.pending()).extracting(Assessment::assessmentId).containsExactly("legacy-0");
        cluster.signOff("legacy-0", "town-officer", NOW, 70);
        assertThat(cluster.passingMembers()).isEqualTo(1);
    }

    @Test
    void theAssessorCannotSignOffTheirOwnAssessment() {
        Cluster cluster = tenMembers();
        String id = assess(cluster, 0, true, "2026-01-01", false);
        assertThatThrownBy(() -> cluster.signOff(id, "insp", NOW, 70)).isInstanceOf(ConflictException.class);
    }
}
