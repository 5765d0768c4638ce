package org.liuhua.grid.staffing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.ClusterAssessed;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class StaffingAndClustersIT extends GridIT {

    @Test
    void aTownWithFiveSafetyStaffAndAnUnstaffedSmelterAppearInTheGaps() {
        Place place = place(TOWN, "GENERAL");
        String town = unique("zjg-small");
        ensureTown(town, "小镇", "TOWN", 5, 3);
        String zone = unique("zjg-zone");
        ensureTown(zone, "开发区", "DEVELOPMENT_ZONE", 9, 5);

        String smelter = unique("est-jinfeng");
        Map<String, Object> body = establishment(smelter, place, "MAJOR");
        body.put("flags", List.of("METAL_SMELTING"));
        body.put("employeeCount", 150);
        ok(admin().post("/api/v1/establishments", body));
        String small = unique("est-jinfeng");
        Map<String, Object> staffed = establishment(small, place, "LOW");
        staffed.put("employeeCount", 150);
        ok(admin().post("/api/v1/establishments", staffed));

        JsonNode report = admin().get("/api/v1/staffing/gaps").json();
        List<JsonNode> gaps = new ArrayList<>();
        report.get("items").forEach(t -> t.get("gaps").forEach(gaps::add));
        assertThat(gaps).anySatisfy(g -> {
            assertThat(g.get("subjectId").asString()).isEqualTo(town);
            assertThat(g.get("rule").asString()).isEqualTo("TOWN_SAFETY_STAFF");
            assertThat(g.get("required").asInt()).isEqualTo(6);
            assertThat(g.get("actual").asInt()).isEqualTo(5);
        });
        assertThat(gaps).anySatisfy(g -> {
            assertThat(g.get("subjectId").asString()).isEqualTo(zone);
            assertThat(g.get("rule").asString()).isEqualTo("TOWN_SAFETY_STAFF");
            assertThat(g.get("required").asInt()).isEqualTo(10);
        });
        assertThat(gaps.stream().filter(g -> g.get("subjectId").asString().equals(town))
                .map(g -> g.get("rule").asString())).containsExactly("TOWN_SAFETY_STAFF");
        assertThat(gaps.stream().filter(g -> g.get("subjectId").asString().equals(smelter))
                .map(g -> g.get("rule").asString()))
                .containsExactlyInAnyOrder("SAFETY_DIRECTOR", "REGISTERED_SAFETY_ENGINEER");
        assertThat(gaps.stream().filter(g -> g.get("subjectId").asString().equals(small))).isEmpty();
        assertThat(gaps.stream().filter(g -> g.get("subjectId").asString().equals(TOWN))).isEmpty();

        ok(admin().post("/api/v1/establishments/" + smelter + "/officers", Map.of("personId", "p-zhao",
                "name", "赵总监", "role", "SAFETY_DIRECTOR")));
        JsonNode after = admin().get("/api/v1/staffing/gaps?townId=" + TOWN).json();
        List<String> rules = new ArrayList<>();
        after.get("items").forEach(t -> t.get("gaps").forEach(g -> {
            if (g.get("subjectId").asString().equals(smelter)) {
                rules.add(g.get("rule").asString());
            }
        }));
        assertThat(rules).containsExactly("REGISTERED_SAFETY_ENGINEER");
    }

    @Test
    void aKeyUnitWithoutAFullTimeInspectorIsAGap() {
        Place place = place(TOWN, "KEY");
        java.util.function.Supplier<List<String>> unitGaps = () -> {
            List<String> rules = new ArrayList<>();
            admin().get("/api/v1/staffing/gaps?townId=" + TOWN).json().get("items").forEach(t -> t.get("gaps")
                    .forEach(g -> {
                        if (g.get("subjectId").asString().equals(place.unitId())) {
                            rules.add(g.get("rule").asString());
                        }
                    }));
            return rules;
        };
        assertThat(unitGaps.get()).containsExactly("KEY_UNIT_FULL_TIME_INSPECTOR");
        String partTime = unique("insp-jinfeng");
        ok(admin().post("/api/v1/inspectors", Map.of("id", partTime, "name", "兼职", "employment", "PART_TIME",
                "townId", TOWN)));
        ok(admin().post("/api/v1/inspectors/" + partTime + "/bindings", Map.of("unitId", place.unitId())));
        assertThat(unitGaps.get()).containsExactly("KEY_UNIT_FULL_TIME_INSPECTOR");
        registerInspector(place);
        assertThat(unitGaps.get()).isEmpty();
    }

    @Test
    void aClusterWithSevenOfTenMembersPassingIsStandardisedAndWithSixItIsNot() {
        Place place = place(TOWN, "GENERAL");
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            members.add(registerEstablishment(place, "GENERAL"));
        }
        String cluster = unique("cluster-jinfeng");
        Map<String, Object> create = Map.of("id", cluster, "name", "锦丰工业集中区", "townId", TOWN,
                "memberIds", members);
        assertThat(admin().post("/api/v1/clusters", create).status()).isEqualTo(201);
        assertThat(admin().post("/api/v1/clusters", create).status()).isEqualTo(200);

        TestHttp officer = townOfficer(TOWN);
        for (int i = 0; i < 10; i++) {
            boolean passed = i < 6;
            String id = unique("a");
            ok(admin().post("/api/v1/clusters/" + cluster + "/assessments", Map.of("id", id,
                    "establishmentId", members.get(i), "passed", passed,
                    "failedItems", passed ? List.of() : List.of("item-3"), "assessedAt", "2026-09-01T02:00:00Z")));
            ok(officer.post("/api/v1/clusters/" + cluster + "/assessments/" + id + "/sign-off", Map.of()));
        }
        JsonNode six = admin().get("/api/v1/clusters/" + cluster).json();
        assertThat(six.get("passingMembers").asInt()).isEqualTo(6);
        assertThat(six.get("standardised").asBoolean()).isFalse();

        ok(admin().post("/api/v1/clusters/" + cluster + "/assessments", Map.of("id", cluster + "-7",
                "establishmentId", members.get(6), "passed", true, "assessedAt", "2026-10-01T02:00:00Z")));
        TestHttp.Response seventh = officer.post("/api/v1/clusters/" + cluster + "/assessments/" + cluster
                + "-7/sign-off", Map.of());
        assertThat(seventh.json().get("passingMembers").asInt()).isEqualTo(7);
        assertThat(seventh.json().get("standardised").asBoolean()).isTrue();

        var assessed = events(Topics.GRID, cluster, "liuhua.grid.cluster-assessed.v1", 11);
        ClusterAssessed last = EventJson.read(assessed.get(assessed.size() - 1).value(), ClusterAssessed.class);
        assertThat(last.passingMembers()).isEqualTo(7);
        assertThat(last.clusterStandardised()).isTrue();

        JsonNode summary = admin().get("/api/v1/clusters/summary?townId=" + TOWN).json();
        assertThat(summary.get("standardised").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(summary.get("thresholdPercent").asInt()).isEqualTo(70);

        TestHttp.Response outsider = officer.post("/api/v1/clusters/" + cluster + "/assessments",
                Map.of("establishmentId", "est-not-a-member", "passed", true));
        assertThat(outsider.status()).isEqualTo(400);
    }
}
