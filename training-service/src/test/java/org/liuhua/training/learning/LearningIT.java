package org.liuhua.training.learning;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.training.TrainingIT;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** 安全到岗 (T-5): targeted assignments that follow the post, completions, points, participation. */
class LearningIT extends TrainingIT {

    @Test
    void assignmentsFollowThePostCompletionsEarnPointsAndParticipationIsCounted() {
        String town = "zjg-" + unique("ln");
        String est = establishment(town, "INDUSTRIAL", "METAL_PRODUCTS", "dept-industry", null, List.of());
        String quiet = establishment(town, "INDUSTRIAL", "MACHINERY", "dept-industry", null, List.of());
        String course = unique("crs-weld").toLowerCase();
        String general = unique("crs-fire").toLowerCase();
        assertThat(admin().post("/api/v1/training/courses", Map.of("id", course, "title", "焊接作业安全",
                "points", 15, "posts", List.of("焊工"))).status()).isEqualTo(201);
        assertThat(admin().post("/api/v1/training/courses", Map.of("id", general, "title", "消防安全常识",
                "points", 10, "industries", List.of("METAL_PRODUCTS"))).status()).isEqualTo(201);
        String person = staff(est, "W01", "FRONT_LINE", "装配工");

        JsonNode before = staffMember(person, est).get("/api/v1/training/staff/" + person + "/assignments").json();
        assertThat(before.get("items").findValuesAsString("courseId")).contains(general).doesNotContain(course);
        TestHttp.Response notAssigned = staffMember(person, est).post("/api/v1/training/courses/" + course
                + "/completions", Map.of("staffId", person));
        assertThat(notAssigned.status()).isEqualTo(422);
        admin().post("/api/v1/training/staff/" + person + "/post-changes", Map.of("post", "焊工"));
        JsonNode after = staffMember(person, est).get("/api/v1/training/staff/" + person + "/assignments").json();
        assertThat(after.get("items").findValuesAsString("courseId")).contains(general, course);

        assertThat(staffMember(person, est).post("/api/v1/training/courses/" + course + "/completions",
                Map.of("staffId", person)).status()).isEqualTo(201);
        assertThat(staffMember(person, est).post("/api/v1/training/courses/" + course + "/completions",
                Map.of("staffId", person)).status()).as("completing twice changes nothing").isEqualTo(201);
        enterpriseOfficer(est).post("/api/v1/training/courses/" + general + "/completions",
                Map.of("staffId", person));
        JsonNode points = staffMember(person, est).get("/api/v1/training/staff/" + person + "/points").json();
        assertThat(points.get("balance").asInt()).isEqualTo(25);
        TestHttp.Response tooMuch = staffMember(person, est).post("/api/v1/training/staff/" + person
                + "/redemptions", Map.of("reward", "安全帽", "points", 30));
        assertThat(tooMuch.status()).isEqualTo(422);
        JsonNode redeemed = staffMember(person, est).post("/api/v1/training/staff/" + person + "/redemptions",
                Map.of("reward", "劳保手套", "points", 20)).json();
        assertThat(redeemed.get("balance").asInt()).isEqualTo(5);

        JsonNode towns = admin().get("/api/v1/training/rates/towns").json();
        for (JsonNode t : towns.get("items")) {
            if (t.get("townId").asString().equals(town)) {
                assertThat(t.get("learningParticipation").get("count").asInt()).isEqualTo(1);
                assertThat(t.get("learningParticipation").get("base").asInt()).isEqualTo(2);
                assertThat(t.get("learningParticipation").get("target").asDouble()).isEqualTo(0.8);
                assertThat(t.get("learningPersonTimesYear").asInt()).isEqualTo(2);
            }
        }
        assertThat(admin().get("/api/v1/training/rates/city").json().get("learningPersonTimesTarget").asLong())
                .isEqualTo(300_000L);
        assertThat(quiet).isNotNull();
    }
}
