package org.liuhua.e2e;

import java.util.Map;
import java.util.UUID;

import org.liuhua.kit.test.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/** Test data and checks shared by the end-to-end scenarios. */
final class Hazards {

    private Hazards() {
    }

    static Map<String, Object> newHazard(String note) {
        return Map.of("establishmentId", "est-e2e-" + UUID.randomUUID(), "townId", "zjg-jinfeng",
                "category", "FIRE_SAFETY", "source", "LAW_ENFORCEMENT", "description", note);
    }

    /** Reports one hazard and answers its id once the service acknowledged it (201). */
    static String report(TestHttp api, String note) {
        TestHttp.Response created = api.post("/api/v1/hazards", newHazard(note));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static long total(TestHttp api) {
        TestHttp.Response overview = api.get("/api/v1/stats/overview");
        assertThat(overview.status()).as(overview.toString()).isEqualTo(200);
        return overview.json().get("hazards").get("total").asLong();
    }
}
