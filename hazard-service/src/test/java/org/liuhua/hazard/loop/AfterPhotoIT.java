package org.liuhua.hazard.loop;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.test.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H-5/H-8: where the city requires it (here the category {@code LIFTING_EQUIPMENT}, set for the tests'
 * context), a hazard closes only with a photo of the rectified site (evidence phase AFTER); a BEFORE photo is not one.
 */
class AfterPhotoIT extends HazardIT {

    /** Reported by the city, rectified by the town, reviewed by another city officer, decided: ready to close. */
    private String readyToClose(String category) {
        String id = report(unique("est-jinfeng"), JINFENG, category, null, "LAW_ENFORCEMENT");
        TestHttp town = townOfficer(JINFENG);
        town.post("/api/v1/hazards/" + id + "/transfer", Map.of("toEstablishment", true));
        town.post("/api/v1/hazards/" + id + "/acknowledge", Map.of());
        town.post("/api/v1/hazards/" + id + "/rectify", fiveParts());
        admin2().post("/api/v1/hazards/" + id + "/review", Map.of("passed", true, "note", "复核通过"));
        TestHttp.Response decided = town.post("/api/v1/hazards/" + id + "/enforce", Map.of("kind", "NONE"));
        assertThat(decided.json().get("state").asString()).as(decided.toString()).isEqualTo("ENFORCEMENT");
        return id;
    }

    @Test
    void aHazardOfAConfiguredCategoryClosesOnlyWithAPhotoAfterRectification() {
        String id = readyToClose("LIFTING_EQUIPMENT");
        TestHttp town = townOfficer(JINFENG);
        upload(town, "/api/v1/hazards/" + id + "/evidence", "before.png", png(64), Map.of("phase", "BEFORE"));
        TestHttp.Response refused = town.post("/api/v1/hazards/" + id + "/close", Map.of("note", "销号"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("AFTER");
        assertThat(refused.json().get("currentState").asString()).isEqualTo("ENFORCEMENT");

        TestHttp.Response photo = upload(town, "/api/v1/hazards/" + id + "/evidence", "after.png", png(80),
                Map.of("phase", "AFTER"));
        assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
        TestHttp.Response closed = town.post("/api/v1/hazards/" + id + "/close", Map.of("note", "销号"));
        assertThat(closed.json().get("state").asString()).as(closed.toString()).isEqualTo("CLOSED");
    }

    @Test
    void anotherCategoryClosesWithoutOne() {
        String id = readyToClose("FIRE_SAFETY");
        TestHttp.Response closed = townOfficer(JINFENG).post("/api/v1/hazards/" + id + "/close", Map.of());
        assertThat(closed.json().get("state").asString()).as(closed.toString()).isEqualTo("CLOSED");
    }
}
