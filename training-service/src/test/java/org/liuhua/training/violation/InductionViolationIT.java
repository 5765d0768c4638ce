package org.liuhua.training.violation;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.training.TrainingIT;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** "先培训、再上岗" (T-2): missing induction levels are violations, also after a post change until re-inducted. */
class InductionViolationIT extends TrainingIT {

    JsonNode violations(TestHttp http, String query) {
        TestHttp.Response r = http.get("/api/v1/training/violations?" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    TestHttp.Response induct(String staffId, String level, int theory) {
        return admin().post("/api/v1/training/staff/" + staffId + "/inductions", Map.of("level", level, "heldOn",
                calendar.today().toString(), "hours", 8, "trainer", "车间主任 张工", "theoryScore", theory,
                "practicalScore", 88));
    }

    @Test
    void aPersonWithoutTeamLevelIsListedUntilItIsRecordedAndAgainAfterAPostChangeUntilReinducted() {
        String est = establishment(JINFENG);
        String id = staff(est, "V01", "FRONT_LINE", "装配工");
        String inducted = staff(est, "V02", "FRONT_LINE", "装配工");
        inductAll(inducted);

        assertThat(induct(id, "COMPANY", 80).json().get("passed").asBoolean()).isTrue();
        assertThat(induct(id, "WORKSHOP", 75).status()).isEqualTo(201);
        JsonNode failed = induct(id, "TEAM", 40).json();
        assertThat(failed.get("passed").asBoolean()).as("a failed theory exam does not pass").isFalse();
        assertThat(failed.get("shortfalls").get(0).asString()).contains("theory score 40");

        JsonNode listed = violations(townOfficer(JINFENG), "establishmentId=" + est);
        assertThat(listed.get("totalElements").asInt()).isEqualTo(1);
        JsonNode v = listed.get("items").get(0);
        assertThat(v.get("staffId").asString()).isEqualTo(id);
        assertThat(v.get("kind").asString()).isEqualTo("INDUCTION");
        assertThat(v.get("missingLevels").toString()).isEqualTo("[\"TEAM\"]");
        assertThat(violations(townOfficer(TANGQIAO), "establishmentId=" + est).get("totalElements").asInt())
                .as("another town's officer").isZero();
        assertThat(violations(enterpriseOfficer(est), "").get("totalElements").asInt()).isEqualTo(1);
        assertThat(violations(admin(), "townId=" + JINFENG + "&establishmentId=" + est).get("totalElements").asInt())
                .isEqualTo(1);

        TestHttp.Response tooShort = admin().post("/api/v1/training/staff/" + id + "/inductions", Map.of("level",
                "TEAM", "heldOn", calendar.today().toString(), "hours", 2, "trainer", "班组长", "theoryScore", 90,
                "practicalScore", 90));
        assertThat(tooShort.json().get("passed").asBoolean()).as("below the minimum hours").isFalse();
        assertThat(induct(id, "TEAM", 90).json().get("passed").asBoolean()).isTrue();
        assertThat(violations(admin(), "establishmentId=" + est).get("totalElements").asInt()).isZero();

        TestHttp.Response changed = admin().post("/api/v1/training/staff/" + id + "/post-changes", Map.of("post",
                "电焊工", "process", "激光焊接", "effectiveOn", calendar.today().toString()));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode again = violations(admin(), "establishmentId=" + est);
        assertThat(again.get("totalElements").asInt()).as("listed again after the post change").isEqualTo(1);
        assertThat(again.get("items").get(0).get("missingLevels").size()).isEqualTo(3);

        induct(id, "COMPANY", 90);
        induct(id, "WORKSHOP", 90);
        assertThat(violations(admin(), "establishmentId=" + est).get("items").get(0).get("missingLevels")
                .toString()).isEqualTo("[\"TEAM\"]");
        induct(id, "TEAM", 90);
        assertThat(violations(admin(), "establishmentId=" + est).get("totalElements").asInt()).isZero();

        admin().post("/api/v1/training/staff/" + inducted + "/departure", Map.of("leftOn", "2026-01-01"));
        assertThat(staffMember(id, est).get("/api/v1/training/violations").status()).isEqualTo(403);
    }
}
