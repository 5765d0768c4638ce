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
}
