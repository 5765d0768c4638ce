package org.liuhua.grid.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.ClusterAssessed;
import org.liuhua.events.grid.ClusterChanged;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Industrial clusters (G-8, zhangjiagang 2022): members of the cluster's town added and removed; an assessment counts
 * only once the town safety office signed it off (经区镇、街道安监部门审核签字); the city's 双七十 target at its boundary.
 */
class ClusterIT extends GridIT {

    @Test
    void membersLieInTheClustersTownAndCanBeAddedAndRemoved() {
        Place here = place(TOWN, "GENERAL");
        Place there = place(OTHER_TOWN, "GENERAL");
        String first = registerEstablishment(here, "GENERAL");
        String second = registerEstablishment(here, "GENERAL");
        String elsewhere = registerEstablishment(there, "GENERAL");
        String cluster = unique("cluster-jinfeng");
        TestHttp officer = townOfficer(TOWN);

        TestHttp.Response mixed = officer.post("/api/v1/clusters", Map.of("id", cluster, "name", "三兴村工业集中区",
                "townId", TOWN, "memberIds", List.of(first, elsewhere)));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().get("errors").get(0).get("field").asString()).isEqualTo("memberIds[1]");
        assertThat(admin().post("/api/v1/clusters", Map.of("id", cluster, "name", "三兴村工业集中区",
                "townId", TOWN, "memberIds", List.of(first, elsewhere))).json().get("errors").get(0).get("message")
                .asString()).contains(OTHER_TOWN);

        assertThat(officer.post("/api/v1/clusters", Map.of("id", cluster, "name", "三兴村工业集中区", "townId", TOWN,
                "memberIds", List.of(first))).status()).isEqualTo(201);
        String members = "/api/v1/clusters/" + cluster + "/members";
        TestHttp.Response outside = admin().post(members, Map.of("establishmentId", elsewhere));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().get("errors").get(0).get("field").asString()).isEqualTo("establishmentId");
        assertThat(admin().post(members, Map.of("establishmentId", "est-none")).status()).isEqualTo(400);
        assertThat(townOfficer(OTHER_TOWN).post(members, Map.of("establishmentId", second)).status())
                .isEqualTo(404);

        JsonNode added = ok(officer.post(members, Map.of("establishmentId", second))).json();
        assertThat(added.get("members").asInt()).isEqualTo(2);
        ok(officer.post(members, Map.of("establishmentId", second)));
        JsonNode removed = ok(officer.delete(members + "/" + first)).json();
        assertThat(removed.get("memberAssessments").findValuesAsString("establishmentId")).containsExactly(second);
        assertThat(officer.delete(members + "/" + first).status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/clusters/" + cluster).json().get("members").asInt()).isEqualTo(1);

        var changes = events(Topics.GRID, cluster, "liuhua.grid.cluster-changed.v1", 3);
        assertThat(changes.stream().map(r -> EventJson.read(r.value(), ClusterChanged.class).change()))
                .containsExactly("CREATED", "MEMBER_ADDED", "MEMBER_REMOVED");
        assertThat(EventJson.read(changes.get(2).value(), ClusterChanged.class).memberIds()).containsExactly(second);
    }

    @Test
    void anAssessmentCountsOnlyOnceTheTownSafetyOfficeSignsItOffAndNotByItsAssessor() {
        Place place = place(TOWN, "GENERAL");
        String member = registerEstablishment(place, "GENERAL");
        String other = registerEstablishment(place, "GENERAL");
        String inspectorId = registerInspector(place);
        String cluster = unique("cluster-jinfeng");
        ok(admin().post("/api/v1/clusters", Map.of("id", cluster, "name", "锦丰工业集中区", "townId", TOWN,
                "memberIds", List.of(member, other))));
        String assessments = "/api/v1/clusters/" + cluster + "/assessments";
        String assessment = unique("a");
        JsonNode recorded = ok(inspector(inspectorId).post(assessments, Map.of("id", assessment,
                "establishmentId", member, "passed", true, "assessedAt", "2026-09-01T02:00:00Z"))).json();
        assertThat(recorded.get("passingMembers").asInt()).as("not signed off yet").isZero();
        assertThat(recorded.get("pendingAssessments").get(0).get("assessmentId").asString()).isEqualTo(assessment);
        assertThat(recorded.get("pendingAssessments").get(0).get("signedOffAt").isNull()).isTrue();

        assertThat(inspector(inspectorId).post(assessments, Map.of("id", assessment, "establishmentId", member,
                "passed", true, "assessedAt", "2026-09-01T02:00:00Z")).json().get("pendingAssessments").size())
                .as("the same assessment again").isEqualTo(1);
        assertThat(inspector(inspectorId).post(assessments, Map.of("id", assessment, "establishmentId", member,
                "passed", false, "assessedAt", "2026-09-01T02:00:00Z")).status()).as("its id with other content")
                .isEqualTo(409);

        String signOff = assessments + "/" + assessment + "/sign-off";
        assertThat(admin().post(signOff, Map.of()).status()).as("the town safety office signs").isEqualTo(403);
        assertThat(townOfficer(OTHER_TOWN).post(signOff, Map.of()).status()).isEqualTo(404);
        assertThat(townOfficer(TOWN).post(assessments + "/a-none/sign-off", Map.of()).status()).isEqualTo(404);
        JsonNode signed = ok(townOfficer(TOWN).post(signOff, Map.of())).json();
        assertThat(signed.get("passingMembers").asInt()).isEqualTo(1);
        assertThat(signed.get("pendingAssessments").size()).isZero();
        JsonNode current = signed.get("memberAssessments").get(0).get("currentAssessment");
        assertThat(current.get("signedOffBy").asString()).isEqualTo("town-officer-" + TOWN);
        assertThat(current.get("signedOffAt").isNull()).isFalse();
        assertThat(current.get("assessor").asString()).isEqualTo("inspector-" + inspectorId);
        assertThat(ok(townOfficer(TOWN).post(signOff, Map.of())).json().get("passingMembers").asInt())
                .as("signed again: unchanged").isEqualTo(1);

        String own = unique("a");
        ok(townOfficer(TOWN).post(assessments, Map.of("id", own, "establishmentId", other, "passed", true,
                "assessedAt", "2026-09-02T02:00:00Z")));
        TestHttp.Response self = townOfficer(TOWN).post(assessments + "/" + own + "/sign-off", Map.of());
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.body()).contains("SELF_SIGN_OFF");
        assertThat(admin().get("/api/v1/clusters/" + cluster).json().get("passingMembers").asInt()).isEqualTo(1);

        var assessed = events(Topics.GRID, cluster, "liuhua.grid.cluster-assessed.v1", 1);
        ClusterAssessed event = EventJson.read(assessed.get(0).value(), ClusterAssessed.class);
        assertThat(event.assessmentId()).isEqualTo(assessment);
        assertThat(event.signedOffBy()).isEqualTo("town-officer-" + TOWN);
        assertThat(event.passingMembers()).isEqualTo(1);
    }

    @Test
    void theCityTargetIsMetAtExactlySeventyPercentOfClustersAndNotBelow() {
        String town = unique("zjg-shuangqishi");
        ensureTown(town, "双七十镇", "TOWN", 6, 3);
        Place place = place(town, "GENERAL");
        TestHttp officer = townOfficer(town);
        List<String> clusters = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String member = registerEstablishment(place, "GENERAL");
            String cluster = unique("cluster-" + i);
            ok(officer.post("/api/v1/clusters", Map.of("id", cluster, "name", "集中区 " + i, "townId", town,
                    "memberIds", List.of(member))));
            clusters.add(cluster);
            members.add(member);
            assessAndSign(officer, cluster, member, i < 6, "2026-09-01T02:00:00Z");
        }
        JsonNode six = admin().get("/api/v1/clusters/summary?townId=" + town).json();
        assertThat(six.get("clusters").asInt()).isEqualTo(10);
        assertThat(six.get("standardised").asInt()).isEqualTo(6);
        assertThat(six.get("targetMet").asBoolean()).isFalse();

        assessAndSign(officer, clusters.get(6), members.get(6), true, "2026-10-01T02:00:00Z");
        JsonNode seven = officer.get("/api/v1/clusters/summary?townId=" + town).json();
        assertThat(seven.get("standardised").asInt()).isEqualTo(7);
        assertThat(seven.get("rate").asDouble()).isEqualTo(0.7);
        assertThat(seven.get("targetPercent").asInt()).isEqualTo(70);
        assertThat(seven.get("targetMet").asBoolean()).as("exactly 70 % meets 70 %以上").isTrue();
        assertThat(seven.get("enterprises").asInt()).isEqualTo(10);
        assertThat(seven.get("standardisedEnterprises").asInt()).isEqualTo(7);

        String pending = unique("a");
        ok(admin().post("/api/v1/clusters/" + clusters.get(7) + "/assessments", Map.of("id", pending,
                "establishmentId", members.get(7), "passed", true, "assessedAt", "2026-10-02T02:00:00Z")));
        assertThat(admin().get("/api/v1/clusters/summary?townId=" + town).json().get("standardised").asInt())
                .as("an unsigned assessment does not count").isEqualTo(7);
    }

    /** Recorded by the city admin, signed off by the town safety office. */
    private void assessAndSign(TestHttp officer, String cluster, String member, boolean passed, String at) {
        String id = unique("a");
        ok(admin().post("/api/v1/clusters/" + cluster + "/assessments", Map.of("id", id, "establishmentId", member,
                "passed", passed, "failedItems", passed ? List.of() : List.of("item-3"), "assessedAt", at)));
        ok(officer.post("/api/v1/clusters/" + cluster + "/assessments/" + id + "/sign-off", Map.of()));
    }
}
