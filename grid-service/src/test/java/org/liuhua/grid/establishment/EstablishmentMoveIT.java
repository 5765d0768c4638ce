package org.liuhua.grid.establishment;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.EstablishmentChanged;
import org.liuhua.events.grid.EstablishmentMoved;
import org.liuhua.events.grid.InspectorChanged;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * G-3 after moves: the binding archive answers from the establishment's unit membership history and the inspectors'
 * binding history; inspectors are edited and retired; the public 双网格员 list of a unit carries no phone numbers.
 */
class EstablishmentMoveIT extends GridIT {

    @Test
    void movingAnEstablishmentLeavesTheEarlierInspectorResponsibleForEarlierDates() {
        Place from = place(TOWN, "GENERAL");
        Place to = place(TOWN, "KEY");
        String est = registerEstablishment(from, "GENERAL");
        String before = registerInspector(from);
        String after = registerInspector(to);

        TestHttp.Response moved = admin().post("/api/v1/establishments/" + est + "/move",
                Map.of("unitId", to.unitId(), "since", "2026-09-01", "reason", "企业搬迁至新厂区"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("unitId").asString()).isEqualTo(to.unitId());
        assertThat(moved.json().get("units").findValuesAsString("unitId")).containsExactly(from.unitId(), to.unitId());
        long revision = moved.json().get("revision").asLong();

        JsonNode earlier = admin().get("/api/v1/bindings?establishmentId=" + est + "&at=2026-03-01").json();
        assertThat(earlier.get("unitId").asString()).isEqualTo(from.unitId());
        assertThat(earlier.get("inspectors").findValuesAsString("inspectorId")).containsExactly(before);
        JsonNode later = admin().get("/api/v1/bindings?establishmentId=" + est + "&at=2026-10-01").json();
        assertThat(later.get("unitId").asString()).isEqualTo(to.unitId());
        assertThat(later.get("inspectors").findValuesAsString("inspectorId")).containsExactly(after);

        TestHttp.Response again = admin().post("/api/v1/establishments/" + est + "/move",
                Map.of("unitId", to.unitId(), "since", "2026-09-01", "reason", "企业搬迁至新厂区"));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("revision").asLong()).isEqualTo(revision);

        assertProblem(admin().post("/api/v1/establishments/" + est + "/move",
                Map.of("unitId", from.unitId(), "since", "2026-08-01", "reason", "错误")), 409, null);
        assertProblem(admin().post("/api/v1/establishments/" + est + "/move",
                Map.of("unitId", "no-such-unit", "reason", "调整")), 400, "unitId");
        assertProblem(admin().post("/api/v1/establishments/" + est + "/move",
                Map.of("unitId", from.unitId(), "since", "2999-01-01", "reason", "调整")), 400, "since");
        assertProblem(admin().post("/api/v1/establishments/" + est + "/move", Map.of("unitId", from.unitId())), 400,
                "reason");
        Place elsewhere = place(OTHER_TOWN, "GENERAL");
        assertProblem(townOfficer(TOWN).post("/api/v1/establishments/" + est + "/move",
                Map.of("unitId", elsewhere.unitId(), "reason", "调整")), 400, "unitId");
        assertProblem(townOfficer(OTHER_TOWN).post("/api/v1/establishments/" + est + "/move",
                Map.of("unitId", elsewhere.unitId(), "reason", "调整")), 404, null);
        assertThat(admin().get("/api/v1/establishments/" + est).json().get("unitId").asString())
                .isEqualTo(to.unitId());

        var movedEvent = events(Topics.GRID, est, "liuhua.grid.establishment-moved.v1", 1);
        EstablishmentMoved payload = EventJson.read(movedEvent.get(0).value(), EstablishmentMoved.class);
        assertThat(payload.fromUnitId()).isEqualTo(from.unitId());
        assertThat(payload.toUnitId()).isEqualTo(to.unitId());
        assertThat(payload.reason()).isEqualTo("企业搬迁至新厂区");
        var changed = events(Topics.GRID, est, "liuhua.grid.establishment-changed.v1", 1);
        assertThat(EventJson.read(changed.get(0).value(), EstablishmentChanged.class).unitId())
                .isEqualTo(to.unitId());
    }

    @Test
    void anInspectorIsEditedAndRetiredAndTheArchiveKeepsTheirDuty() {
        Place place = place(TOWN, "KEY");
        String inspector = registerInspector(place);

        TestHttp.Response edited = admin().put("/api/v1/inspectors/" + inspector,
                Map.of("name", "陈建国", "employment", "PART_TIME", "phone", "13912345678"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("name").asString()).isEqualTo("陈建国");
        assertProblem(admin().put("/api/v1/inspectors/" + inspector,
                Map.of("name", "陈建国", "employment", "CONTRACTOR")), 400, "employment");
        assertProblem(townOfficer(OTHER_TOWN).put("/api/v1/inspectors/" + inspector,
                Map.of("name", "陈建国", "employment", "FULL_TIME")), 404, null);

        TestHttp.Response retired = townOfficer(TOWN).post("/api/v1/inspectors/" + inspector + "/retire",
                Map.of("since", "2026-11-01", "reason", "调岗至镇应急办"));
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        assertThat(retired.json().get("unitIds").size()).isZero();
        assertThat(retired.json().get("retiredAt").isNull()).isFalse();
        assertProblem(admin().post("/api/v1/inspectors/" + inspector + "/bindings",
                Map.of("unitId", place.unitId())), 409, null);
        assertProblem(admin().post("/api/v1/inspectors/" + inspector + "/retire", Map.of("since", "2026-11-01")),
                400, "reason");

        assertThat(admin().get("/api/v1/bindings?unitId=" + place.unitId() + "&at=2026-10-15").json()
                .get("inspectors").findValuesAsString("inspectorId")).containsExactly(inspector);
        assertThat(admin().get("/api/v1/bindings?unitId=" + place.unitId() + "&at=2026-11-15").json()
                .get("inspectors").size()).isZero();

        var changes = events(Topics.GRID, inspector, "liuhua.grid.inspector-changed.v1", 2);
        assertThat(EventJson.read(changes.get(0).value(), InspectorChanged.class).name()).isEqualTo("陈建国");
        assertThat(EventJson.read(changes.get(1).value(), InspectorChanged.class).retiredAt()).isNotNull();
        assertThat(events(Topics.GRID, inspector, "liuhua.grid.inspector-unbound.v1", 1)).hasSize(1);
    }

    @Test
    void theGridPairsOfAUnitArePublicWithoutPhoneNumbers() {
        Place place = place(TOWN, "GENERAL");
        String est = registerEstablishment(place, "GENERAL");
        String inspector = registerInspector(place);
        ok(admin().post("/api/v1/establishments/" + est + "/officers", Map.of("personId", "p-zhou",
                "name", "周安全", "role", "SAFETY_OFFICER", "workshop", "一车间", "since", "2026-01-10")));

        TestHttp anonymous = new TestHttp("http://127.0.0.1:" + port);
        TestHttp.Response pairs = anonymous.get("/api/v1/public/patrol-units/" + place.unitId() + "/grid-pairs");
        assertThat(pairs.status()).as(pairs.toString()).isEqualTo(200);
        JsonNode body = pairs.json();
        assertThat(body.get("inspectors").findValuesAsString("name")).containsExactly("巡查员 " + inspector);
        assertThat(body.get("items").get(0).get("officers").findValuesAsString("name")).containsExactly("周安全");
        assertThat(body.get("totalElements").asInt()).isEqualTo(1);
        assertThat(pairs.body()).doesNotContain("13800000000").doesNotContain("phone").doesNotContain("p-zhou");
        assertThat(anonymous.get("/api/v1/public/patrol-units/no-such-unit/grid-pairs").status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/bindings?unitId=" + place.unitId()).status()).isEqualTo(401);
    }

    private static void assertProblem(TestHttp.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        if (field != null) {
            assertThat(r.json().get("errors").findValuesAsString("field")).as(r.toString()).contains(field);
        }
    }
}
