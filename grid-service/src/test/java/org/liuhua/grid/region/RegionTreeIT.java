package org.liuhua.grid.region;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.PatrolUnitChanged;
import org.liuhua.events.grid.RegionChanged;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

class RegionTreeIT extends GridIT {

    @Test
    void regionNodesAreCreatedWithChosenIdsIdempotentlyAndPublished() {
        Place place = place(TOWN, "KEY");

        TestHttp.Response again = admin().post("/api/v1/villages", Map.of("id", place.villageId(), "townId", TOWN,
                "name", "村 " + place.villageId()));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        TestHttp.Response different = admin().post("/api/v1/villages", Map.of("id", place.villageId(),
                "townId", TOWN, "name", "另一个名字"));
        assertThat(different.status()).as(different.toString()).isEqualTo(409);
        assertThat(different.contentType()).startsWith("application/problem+json");

        assertThat(admin().get("/api/v1/grids/" + place.gridId()).json().get("townId").asString()).isEqualTo(TOWN);
        assertThat(admin().get("/api/v1/patrol-units?gridId=" + place.gridId()).json().get("items").get(0)
                .get("kind").asString()).isEqualTo("KEY");

        var village = events(Topics.GRID, place.villageId(), "liuhua.grid.region-changed.v1", 1);
        assertThat(village).hasSize(1);
        RegionChanged changed = EventJson.read(village.get(0).value(), RegionChanged.class);
        assertThat(changed.level()).isEqualTo("VILLAGE");
        assertThat(changed.parentId()).isEqualTo(TOWN);

        var unit = events(Topics.GRID, place.unitId(), "liuhua.grid.patrol-unit-changed.v1", 1);
        assertThat(EventJson.read(unit.get(0).value(), PatrolUnitChanged.class).townId()).isEqualTo(TOWN);
    }

    @Test
    void badRegionInputIsRefusedNamingTheField() {
        TestHttp.Response badKind = admin().post("/api/v1/towns", Map.of("id", "zjg-nowhere", "name", "x",
                "kind", "CASTLE"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");

        TestHttp.Response noParent = admin().post("/api/v1/grids", Map.of("id", "g-x", "villageId", "no-such",
                "name", "x"));
        assertThat(noParent.status()).isEqualTo(400);
        assertThat(noParent.json().get("errors").get(0).get("field").asString()).isEqualTo("villageId");

        TestHttp.Response townByOfficer = townOfficer(TOWN).post("/api/v1/towns", Map.of("id", "zjg-new",
                "name", "x", "kind", "TOWN"));
        assertThat(townByOfficer.status()).isEqualTo(403);
    }

    @Test
    void aTownOfficerWritesInTheirOwnTownOnly() {
        place(TOWN, "GENERAL");
        TestHttp.Response own = townOfficer(TOWN).post("/api/v1/villages", Map.of("id", unique("zjg-jinfeng-v"),
                "townId", TOWN, "name", "本镇村"));
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        TestHttp.Response other = townOfficer(TOWN).post("/api/v1/villages", Map.of("id", unique("zjg-leyu-v"),
                "townId", OTHER_TOWN, "name", "外镇村"));
        assertThat(other.status()).as(other.toString()).isIn(400, 403);
    }

    @Test
    void townStaffingCanBeUpdated() {
        place(TOWN, "GENERAL");
        TestHttp.Response r = admin().put("/api/v1/towns/" + OTHER_TOWN + "/staffing",
                Map.of("safetyStaff", 7, "fireStaff", 3));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("safetyStaff").asInt()).isEqualTo(7);
    }
}
