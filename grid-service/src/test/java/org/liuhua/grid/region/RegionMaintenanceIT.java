package org.liuhua.grid.region;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.PatrolUnitChanged;
import org.liuhua.events.grid.RegionChanged;
import org.liuhua.events.grid.RegionRetired;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * G-1 maintained: villages, grids and units are renamed, moved (their units and establishments follow) and retired
 * (a unit only once its establishments were moved and its inspectors unbound); the tree answers with counts.
 */
class RegionMaintenanceIT extends GridIT {

    @Test
    void theTreeIsMaintainedAndARetiredUnitLeavesNoEstablishmentInNoUnit() {
        Place a = place(TOWN, "GENERAL");
        Place b = place(TOWN, "GENERAL");
        String est = registerEstablishment(a, "GENERAL");
        String inspector = registerInspector(a);

        // a unit becomes KEY and moves to another grid of the town; its establishment's grid and village follow
        TestHttp.Response unit = townOfficer(TOWN).put("/api/v1/patrol-units/" + a.unitId(),
                Map.of("name", "锦丰老街重点单元", "kind", "KEY", "gridId", b.gridId()));
        assertThat(unit.status()).as(unit.toString()).isEqualTo(200);
        assertThat(unit.json().get("kind").asString()).isEqualTo("KEY");
        assertThat(unit.json().get("villageId").asString()).isEqualTo(b.villageId());
        JsonNode moved = admin().get("/api/v1/establishments/" + est).json();
        assertThat(moved.get("gridId").asString()).isEqualTo(b.gridId());
        assertThat(moved.get("unitId").asString()).isEqualTo(a.unitId());
        assertProblem(admin().put("/api/v1/patrol-units/" + a.unitId(), Map.of("name", "x", "kind", "BIG")), 400,
                "kind");
        Place elsewhere = place(OTHER_TOWN, "GENERAL");
        assertProblem(admin().put("/api/v1/patrol-units/" + a.unitId(), Map.of("name", "x", "kind", "KEY",
                "gridId", elsewhere.gridId())), 400, "gridId");
        assertProblem(townOfficer(OTHER_TOWN).put("/api/v1/patrol-units/" + a.unitId(), Map.of("name", "x",
                "kind", "KEY")), 404, null);

        // a village is renamed, never moved to another town; a grid moves to another village with its units
        TestHttp.Response village = admin().put("/api/v1/villages/" + a.villageId(), Map.of("name", "锦丰镇三兴村"));
        assertThat(village.status()).as(village.toString()).isEqualTo(200);
        assertThat(village.json().get("name").asString()).isEqualTo("锦丰镇三兴村");
        assertProblem(admin().put("/api/v1/villages/" + a.villageId(), Map.of("name", "锦丰镇三兴村",
                "townId", OTHER_TOWN)), 400, "townId");
        TestHttp.Response grid = admin().put("/api/v1/grids/" + b.gridId(), Map.of("name", "三兴村第二网格",
                "villageId", a.villageId()));
        assertThat(grid.status()).as(grid.toString()).isEqualTo(200);
        assertThat(admin().get("/api/v1/patrol-units/" + a.unitId()).json().get("villageId").asString())
                .isEqualTo(a.villageId());
        assertThat(admin().get("/api/v1/establishments/" + est).json().get("villageId").asString())
                .isEqualTo(a.villageId());

        // retiring a unit: its establishments are moved first, its inspectors unbound
        String retire = "/api/v1/patrol-units/" + a.unitId() + "/retire";
        assertProblem(admin().post(retire, Map.of()), 409, null, "UNIT_HAS_ESTABLISHMENTS");
        ok(admin().post("/api/v1/establishments/" + est + "/move", Map.of("unitId", b.unitId(),
                "reason", "巡查单元撤并")));
        assertProblem(admin().post(retire, Map.of()), 409, null, "UNIT_HAS_INSPECTORS");
        ok(admin().delete("/api/v1/inspectors/" + inspector + "/bindings/" + a.unitId()));
        TestHttp.Response retired = admin().post(retire, Map.of());
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        assertThat(retired.json().get("retiredAt").isNull()).isFalse();
        assertProblem(admin().post("/api/v1/establishments", establishment(unique("est-jinfeng"), a, "GENERAL")),
                400, "unitId");
        assertProblem(admin().post("/api/v1/inspectors/" + inspector + "/bindings", Map.of("unitId", a.unitId())),
                400, "unitId");
        assertProblem(admin().post("/api/v1/grids/" + b.gridId() + "/retire", Map.of()), 409, null,
                "GRID_HAS_UNITS");
        ok(admin().post("/api/v1/grids/" + a.gridId() + "/retire", Map.of()));

        // the tree: the retired nodes are left out, the counts add up
        JsonNode tree = townOfficer(TOWN).get("/api/v1/region-tree?townId=" + TOWN).json();
        assertThat(tree.get("level").asString()).isEqualTo("CITY");
        JsonNode town = tree.get("children").get(0);
        assertThat(town.get("id").asString()).isEqualTo(TOWN);
        JsonNode threeVillage = child(town, a.villageId());
        assertThat(threeVillage.get("name").asString()).isEqualTo("锦丰镇三兴村");
        assertThat(threeVillage.get("grids").asInt()).isEqualTo(1);
        assertThat(threeVillage.get("units").asInt()).isEqualTo(1);
        assertThat(threeVillage.get("establishments").asLong()).isEqualTo(1);
        JsonNode remaining = child(child(threeVillage, b.gridId()), b.unitId());
        assertThat(remaining.get("establishments").asLong()).isEqualTo(1);
        assertThat(child(town, b.villageId()).get("grids").asInt()).isZero();
        assertThat(townOfficer(OTHER_TOWN).get("/api/v1/region-tree?townId=" + TOWN).json().get("children").size())
                .isZero();

        var unitChanges = events(Topics.GRID, a.unitId(), "liuhua.grid.patrol-unit-changed.v1", 3);
        assertThat(EventJson.read(unitChanges.get(1).value(), PatrolUnitChanged.class).kind()).isEqualTo("KEY");
        var villageChanges = events(Topics.GRID, a.villageId(), "liuhua.grid.region-changed.v1", 2);
        assertThat(EventJson.read(villageChanges.get(1).value(), RegionChanged.class).name()).isEqualTo("锦丰镇三兴村");
        var retirement = events(Topics.GRID, a.unitId(), "liuhua.grid.region-retired.v1", 1);
        assertThat(EventJson.read(retirement.get(0).value(), RegionRetired.class).level()).isEqualTo("UNIT");
    }

    private static JsonNode child(JsonNode node, String id) {
        for (JsonNode child : node.get("children")) {
            if (child.get("id").asString().equals(id)) {
                return child;
            }
        }
        throw new AssertionError("no " + id + " under " + node.get("id"));
    }

    private static void assertProblem(TestHttp.Response r, int status, String field, String... text) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        if (field != null) {
            assertThat(r.json().get("errors").findValuesAsString("field")).as(r.toString()).contains(field);
        }
        for (String t : text) {
            assertThat(r.body()).contains(t);
        }
    }
}
