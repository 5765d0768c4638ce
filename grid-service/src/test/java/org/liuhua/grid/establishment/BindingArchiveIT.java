package org.liuhua.grid.establishment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.InspectorBound;
import org.liuhua.events.grid.OfficerBound;
import org.liuhua.events.grid.OfficerUnbound;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class BindingArchiveIT extends GridIT {

    @Test
    void afterRebindingTheSafetyOfficerTheArchiveNamesWhoWasResponsibleOnEachDate() {
        Place place = place(TOWN, "GENERAL");
        String est = registerEstablishment(place, "GENERAL");
        String inspector = registerInspector(place);

        ok(admin().post("/api/v1/establishments/" + est + "/officers", Map.of("personId", "p-wang",
                "name", "王安全", "role", "SAFETY_OFFICER", "since", "2026-01-10")));
        TestHttp.Response rebound = admin().post("/api/v1/establishments/" + est + "/officers",
                Map.of("personId", "p-li", "name", "李安全", "role", "SAFETY_OFFICER", "since", "2026-05-01"));
        assertThat(rebound.status()).as(rebound.toString()).isEqualTo(200);
        assertThat(rebound.json().get("officers").size()).isEqualTo(2);

        JsonNode before = admin().get("/api/v1/bindings?establishmentId=" + est + "&at=2026-03-01").json();
        assertThat(before.get("officers").findValuesAsString("personId")).containsExactly("p-wang");
        assertThat(before.get("inspectors").findValuesAsString("inspectorId")).containsExactly(inspector);
        JsonNode after = admin().get("/api/v1/bindings?establishmentId=" + est + "&at=2026-06-01").json();
        assertThat(after.get("officers").findValuesAsString("personId")).containsExactly("p-li");
        JsonNode current = admin().get("/api/v1/safety-officers?establishmentId=" + est).json();
        assertThat(current.get("items").findValuesAsString("personId")).containsExactly("p-li");
        assertThat(townOfficer(OTHER_TOWN).get("/api/v1/safety-officers?establishmentId=" + est).json()
                .get("items").size()).isZero();
        JsonNode beforeAll = admin().get("/api/v1/bindings?establishmentId=" + est + "&at=2025-12-01").json();
        assertThat(beforeAll.get("officers").size()).isZero();

        var bound = events(Topics.GRID, est, "liuhua.grid.officer-bound.v1", 2);
        assertThat(bound.stream().map(r -> EventJson.read(r.value(), OfficerBound.class).personId()))
                .containsExactly("p-wang", "p-li");
        var unbound = events(Topics.GRID, est, "liuhua.grid.officer-unbound.v1", 1);
        assertThat(EventJson.read(unbound.get(0).value(), OfficerUnbound.class).personId()).isEqualTo("p-wang");
        var inspectorBound = events(Topics.GRID, inspector, "liuhua.grid.inspector-bound.v1", 1);
        assertThat(EventJson.read(inspectorBound.get(0).value(), InspectorBound.class).unitId())
                .isEqualTo(place.unitId());
    }

    @Test
    void concurrentBindingsOfOneEstablishmentAreEachKeptOrRefusedAndNoneIsLost() throws Exception {
        Place place = place(TOWN, "GENERAL");
        String est = registerEstablishment(place, "GENERAL");
        int workshops = 6;
        List<Callable<TestHttp.Response>> binds = new ArrayList<>();
        for (int i = 0; i < workshops; i++) {
            Map<String, Object> body = Map.of("personId", "p-" + i, "name", "安全员 " + i, "role", "SAFETY_OFFICER",
                    "workshop", "w" + i, "since", "2026-03-01");
            binds.add(() -> admin().post("/api/v1/establishments/" + est + "/officers", body));
        }
        ExecutorService pool = Executors.newFixedThreadPool(workshops);
        List<String> applied = new ArrayList<>();
        try {
            for (Future<TestHttp.Response> result : pool.invokeAll(binds)) {
                TestHttp.Response r = result.get();
                assertThat(r.status()).as(r.toString()).isIn(200, 409);
                if (r.status() == 200) {
                    r.json().get("officers").forEach(o -> applied.add(o.get("personId").asString()));
                }
            }
        } finally {
            pool.shutdown();
        }
        JsonNode stored = admin().get("/api/v1/establishments/" + est).json();
        List<String> kept = stored.get("officers").findValuesAsString("personId");
        assertThat(kept).doesNotHaveDuplicates().containsAll(applied.stream().distinct().toList());
        var bound = events(Topics.GRID, est, "liuhua.grid.officer-bound.v1", kept.size());
        assertThat(bound.stream().map(r -> EventJson.read(r.value(), OfficerBound.class).personId()))
                .containsExactlyInAnyOrderElementsOf(kept);
        assertThat(drain(Topics.GRID, est, "liuhua.grid.officer-bound.v1", Duration.ofSeconds(2)))
                .hasSize(kept.size());

        JsonNode firstTwo = admin().get("/api/v1/safety-officers?establishmentId=" + est + "&size=2").json();
        assertThat(firstTwo.get("items").size()).isEqualTo(Math.min(2, kept.size()));
        assertThat(firstTwo.get("totalElements").asInt()).isEqualTo(kept.size());
        assertThat(allItems(admin(), "/api/v1/safety-officers?establishmentId=" + est, "establishmentId"))
                .hasSize(kept.size());
    }

    @Test
    void anInspectorUnboundFromAUnitIsNoLongerOnDutyThere() {
        Place place = place(TOWN, "KEY");
        String inspector = registerInspector(place);
        TestHttp.Response r = admin().delete("/api/v1/inspectors/" + inspector + "/bindings/" + place.unitId()
                + "?since=2026-02-01");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(admin().get("/api/v1/bindings?unitId=" + place.unitId() + "&at=2026-01-15").json()
                .get("inspectors").findValuesAsString("inspectorId")).containsExactly(inspector);
        assertThat(admin().get("/api/v1/bindings?unitId=" + place.unitId() + "&at=2026-03-01").json()
                .get("inspectors").size()).isZero();
        assertThat(events(Topics.GRID, inspector, "liuhua.grid.inspector-unbound.v1", 1)).hasSize(1);
    }

    @Test
    void officersNamedInTheRegistrationAreBoundAsIfBoundOneByOneAndABadOneIsNamedWithoutLosingTheBatch() {
        Place place = place(TOWN, "GENERAL");
        String est = unique("est-jinfeng");
        Map<String, Object> body = establishment(est, place, "GENERAL");
        body.put("officers", List.of(
                Map.of("personId", "p-zhou", "name", "周安全", "role", "SAFETY_OFFICER", "workshop", "一车间",
                        "since", "2026-02-01"),
                Map.of("personId", "p-wu", "name", "吴消防", "role", "FIRE_SAFETY_OFFICER")));
        String bad = unique("est-jinfeng");
        Map<String, Object> badBody = establishment(bad, place, "GENERAL");
        badBody.put("officers", List.of(Map.of("personId", "p-x", "name", "某人", "role", "SAFETY_OFFICER"),
                Map.of("personId", "p-y", "name", "某人二", "role", "JANITOR")));
        TestHttp.Response batch = admin().post("/api/v1/establishments/batch", List.of(body, badBody));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        assertThat(batch.json().get(0).get("status").asString()).isEqualTo("CREATED");
        assertThat(batch.json().get(1).get("status").asString()).isEqualTo("REJECTED");
        assertThat(batch.json().get(1).get("errors").findValuesAsString("field")).containsExactly("officers[1].role");
        assertThat(admin().get("/api/v1/establishments/" + bad).status()).isEqualTo(404);

        // the archive, the current officers and the events: as after one binding request per officer
        JsonNode february = admin().get("/api/v1/bindings?establishmentId=" + est + "&at=2026-02-15").json();
        assertThat(february.get("officers").findValuesAsString("personId")).containsExactly("p-zhou");
        JsonNode current = admin().get("/api/v1/safety-officers?establishmentId=" + est).json();
        assertThat(current.get("items").findValuesAsString("personId")).containsExactlyInAnyOrder("p-zhou", "p-wu");
        var bound = events(Topics.GRID, est, "liuhua.grid.officer-bound.v1", 2);
        assertThat(bound.stream().map(r -> EventJson.read(r.value(), OfficerBound.class)))
                .extracting(OfficerBound::personId, OfficerBound::changedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("p-zhou", "city-admin"),
                        org.assertj.core.groups.Tuple.tuple("p-wu", "city-admin"));

        // sent again: unchanged; with another officer: a conflict that points to the officers' own request
        TestHttp.Response again = admin().post("/api/v1/establishments/batch", List.of(body));
        assertThat(again.json().get(0).get("status").asString()).as(again.toString()).isEqualTo("UNCHANGED");
        Map<String, Object> other = new java.util.LinkedHashMap<>(body);
        other.put("officers", List.of(Map.of("personId", "p-zheng", "name", "郑安全", "role", "SAFETY_OFFICER")));
        TestHttp.Response conflict = admin().post("/api/v1/establishments", other);
        assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
        assertThat(conflict.body()).contains("/officers");

        // a change names no officers (the binding requests keep the archive); a future date and a duplicate are named
        TestHttp.Response put = admin().put("/api/v1/establishments/" + est, other);
        assertThat(put.status()).as(put.toString()).isEqualTo(400);
        assertThat(put.json().get("errors").findValuesAsString("field")).containsExactly("officers");
        Map<String, Object> future = establishment(unique("est-jinfeng"), place, "GENERAL");
        future.put("officers", List.of(Map.of("personId", "p-a", "name", "甲", "role", "SAFETY_OFFICER",
                "since", "2099-01-01")));
        assertFields(admin().post("/api/v1/establishments", future), "officers[0].since");
        Map<String, Object> twice = establishment(unique("est-jinfeng"), place, "GENERAL");
        twice.put("officers", List.of(Map.of("personId", "p-a", "name", "甲", "role", "SAFETY_OFFICER"),
                Map.of("personId", "p-b", "name", "乙", "role", "SAFETY_OFFICER")));
        assertFields(admin().post("/api/v1/establishments", twice), "officers[1].role");
        assertThat(admin().get("/api/v1/establishments/" + future.get("id")).status()).isEqualTo(404);
    }

    private static void assertFields(TestHttp.Response r, String... fields) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field")).as(r.toString()).containsExactly(fields);
    }
}
