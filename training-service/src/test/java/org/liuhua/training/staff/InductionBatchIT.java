package org.liuhua.training.staff;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import org.liuhua.training.TrainingIT;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of induction cards (T-2): the same records and events as one request per card, each bad item named by its
 * number and field while the good ones are kept, a re-sent batch recorded once, and only within the keeper's scope.
 */
class InductionBatchIT extends TrainingIT {

    private static final String PATH = "/api/v1/training/staff/inductions/batch";

    @Test
    void aClassOfNewHiresIsRecordedAtOnceBadItemsAreNamedAndAResentBatchChangesNothing() {
        String est = establishment(JINFENG);
        String wang = staff(est, "E0001", "FRONT_LINE", "冲压工");
        String li = staff(est, "E0002", "FRONT_LINE", "焊工");
        String day = calendar.today().minusDays(3).toString();
        List<Map<String, Object>> items = new ArrayList<>();
        for (String level : List.of("COMPANY", "WORKSHOP", "TEAM")) {
            items.add(card("employeeNo", "E0001", level, day, 8));
        }
        items.add(card("staffId", li, "COMPANY", day, 8));
        items.add(card("employeeNo", "E0002", "SCHOOL", day, 8));            // 5: no such level
        items.add(card("employeeNo", "E0002", "WORKSHOP", "2026-13-45", 8)); // 6: no such date
        items.add(card("employeeNo", "E0002", "TEAM", day, "eight"));        // 7: hours not a number
        items.add(card("employeeNo", "E9999", "TEAM", day, 8));              // 8: nobody with this number
        Map<String, Object> noOne = card("employeeNo", " ", "TEAM", day, 8); // 9: no person named
        noOne.remove("trainer");
        items.add(noOne);

        TestHttp.Response report = enterpriseOfficer(est).post(PATH, Map.of("establishmentId", est, "items", items));
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonNode r = report.json();
        assertThat(r.get("rows").asInt()).isEqualTo(9);
        assertThat(r.get("created").asInt()).as("recorded").isEqualTo(4);
        assertThat(r.get("rejected").asInt()).isEqualTo(5);
        List<String> errors = new ArrayList<>();
        r.get("errors").forEach(e -> errors.add(e.get("row").asInt() + ":" + e.get("field").asString()));
        assertThat(errors).containsExactly("5:level", "6:heldOn", "7:hours", "8:employeeNo", "9:employeeNo",
                "9:trainer");

        JsonNode wangNow = admin().get("/api/v1/training/staff/" + wang).json();
        assertThat(wangNow.get("inductions")).hasSize(3);
        assertThat(wangNow.path("missingInductionLevels")).as("all three levels held").isEmpty();
        assertThat(wangNow.get("inductions").get(0).get("trainer").asString()).isEqualTo("安全科 李工");
        JsonNode liNow = admin().get("/api/v1/training/staff/" + li).json();
        assertThat(liNow.get("inductions")).hasSize(1);
        assertThat(liNow.get("missingInductionLevels").toString()).contains("WORKSHOP", "TEAM").doesNotContain("COMPANY");

        TestHttp.Response again = enterpriseOfficer(est).post(PATH, Map.of("establishmentId", est,
                "items", items.subList(0, 4)));
        assertThat(again.json().get("created").asInt()).as("re-sent").isZero();
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(4);
        assertThat(admin().get("/api/v1/training/staff/" + wang).json().get("inductions")).hasSize(3);

        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.TRAINING)) {
            List<ConsumerRecord<String, CloudEvent>> recorded = probe.await(rec -> wang.equals(rec.key())
                    && rec.value().getType().equals("liuhua.training.induction-recorded.v1"), 3,
                    Duration.ofSeconds(60));
            assertThat(recorded).as("one event per card, as one request per card").hasSize(3);
        }
    }

    @Test
    void anotherEstablishmentsKeeperIsRefusedAndAStaffMemberOfAnotherEstablishmentOrWhoLeftIsRefused() {
        String mine = establishment(JINFENG);
        String other = establishment(JINFENG);
        String stranger = staff(other, "E0001", "FRONT_LINE", "包装工");
        String day = calendar.today().toString();
        assertThat(enterpriseOfficer(mine).post(PATH, Map.of("establishmentId", other, "items",
                List.of(card("employeeNo", "E0001", "TEAM", day, 8)))).status()).isEqualTo(404);
        JsonNode report = enterpriseOfficer(mine).post(PATH, Map.of("establishmentId", mine, "items",
                List.of(card("staffId", stranger, "TEAM", day, 8)))).json();
        assertThat(report.get("rejected").asInt()).isEqualTo(1);
        assertThat(report.get("errors").get(0).get("field").asString()).isEqualTo("staffId");
        assertThat(admin().get("/api/v1/training/staff/" + stranger).json().path("inductions")).isEmpty();
        String gone = staff(mine, "E0007", "FRONT_LINE", "叉车司机");
        assertThat(admin().post("/api/v1/training/staff/" + gone + "/departure", Map.of("leftOn", day)).status())
                .isEqualTo(200);
        JsonNode left = enterpriseOfficer(mine).post(PATH, Map.of("establishmentId", mine, "items",
                List.of(card("employeeNo", "E0007", "TEAM", day, 8)))).json();
        assertThat(left.get("errors").get(0).get("field").asString()).isEqualTo("employeeNo");
        assertThat(left.get("errors").get(0).get("message").asString()).contains("has left");
        TestHttp.Response missing = enterpriseOfficer(mine).post(PATH, Map.of("items", List.of()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("establishmentId");
    }

    private static Map<String, Object> card(String by, String who, String level, String heldOn, Object hours) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put(by, who);
        card.put("level", level);
        card.put("heldOn", heldOn);
        card.put("hours", hours);
        card.put("trainer", "安全科 李工");
        card.put("theoryScore", 85);
        card.put("practicalScore", 90);
        return card;
    }
}
