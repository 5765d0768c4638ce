package org.liuhua.training.session;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.training.TownRatesComputed;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.TopicProbe;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.training.TrainingIT;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions (T-3): the quarterly lecture belongs to the principal; the rates against the policy targets. */
class SessionRatesIT extends TrainingIT {

    TestHttp.Response session(String est, String type, String lecturer) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("establishmentId", est, "type", type,
                "heldOn", calendar.today().toString(), "topic", "有限空间作业安全", "attendeeCount", 30,
                "photos", List.of("evidence/photo-1.jpg")));
        if (lecturer != null) {
            body.put("lecturerStaffId", lecturer);
        }
        return admin().post("/api/v1/training/sessions", body);
    }

    @Test
    void aQuarterlyLectureByAnyoneButThePrincipalIsRefusedWith422NamingTheRule() {
        String est = establishment(JINFENG);
        String principal = staff(est, "P01", "PRINCIPAL", "总经理");
        String manager = staff(est, "M01", "SAFETY_MANAGER", "安全科长");
        String otherPrincipal = staff(establishment(JINFENG), "P01", "PRINCIPAL", "总经理");

        TestHttp.Response refused = session(est, "QUARTERLY_LECTURE", manager);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("rule").asString()).isEqualTo("QUARTERLY_LECTURE_BY_PRINCIPAL");
        assertThat(refused.json().get("detail").asString()).contains("一季一课").contains("SAFETY_MANAGER");
        assertThat(session(est, "QUARTERLY_LECTURE", otherPrincipal).status())
                .as("another establishment's principal").isEqualTo(422);
        assertThat(session(est, "QUARTERLY_LECTURE", null).status()).as("no lecturer named").isEqualTo(400);

        TestHttp.Response held = session(est, "QUARTERLY_LECTURE", principal);
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(held.json().get("lecturerRole").asString()).isEqualTo("PRINCIPAL");
        assertThat(admin().get("/api/v1/training/sessions?establishmentId=" + est).json().get("totalElements")
                .asInt()).isEqualTo(1);

        TestHttp.Response review = admin().post("/api/v1/training/sessions", Map.of("establishmentId", est,
                "type", "PRINCIPAL_REVIEW", "heldOn", calendar.today().toString(), "topic", "一述四评一诺",
                "attendeeCount", 8));
        assertThat(review.status()).isEqualTo(400);
        assertThat(review.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("reviewers",
                "outcome");
    }

    @Test
    void theRatesPerEstablishmentTownAndMonthHoldThePolicyTargets() {
        String town = "zjg-" + unique("rt");
        List<String> industrial = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            industrial.add(establishment(town, "INDUSTRIAL", "MACHINERY", "dept-industry", null, List.of()));
        }
        String venue = establishment(town, "SMALL_VENUE", "CATERING", "dept-market", null, List.of());
        assertThat(session(industrial.get(0), "SHIFT_BRIEFING", null).status()).isEqualTo(201);
        assertThat(session(industrial.get(0), "SHIFT_BRIEFING", null).status()).isEqualTo(201);
        assertThat(session(industrial.get(1), "SHIFT_BRIEFING", null).status()).isEqualTo(201);
        assertThat(session(venue, "SHIFT_BRIEFING", null).status()).isEqualTo(201);
        String principal = staff(industrial.get(2), "P01", "PRINCIPAL", "厂长");
        assertThat(session(industrial.get(2), "QUARTERLY_LECTURE", principal).status()).isEqualTo(201);
        admin().post("/api/v1/training/certificates", Map.of("staffId", principal, "category", "主要负责人",
                "number", unique("A"), "issuer", "苏州市应急管理局", "issuedOn", "2024-01-01",
                "expiresOn", calendar.today().plusYears(2).toString()));
        staff(industrial.get(2), "T01", "SPECIAL_OPERATIONS", "焊工");

        String month = YearMonth.from(calendar.today()).toString();
        JsonNode towns = admin().get("/api/v1/training/rates/towns?month=" + month).json();
        JsonNode row = null;
        for (JsonNode t : towns.get("items")) {
            if (t.get("townId").asString().equals(town)) {
                row = t;
            }
        }
        assertThat(row).as(towns.toString()).isNotNull();
        assertThat(row.get("establishments").asInt()).isEqualTo(6);
        assertThat(row.get("shiftBriefing").get("count").asInt()).as("the venue is outside the base").isEqualTo(2);
        assertThat(row.get("shiftBriefing").get("base").asInt()).isEqualTo(5);
        assertThat(row.get("shiftBriefing").get("rate").asDouble()).isEqualTo(0.4);
        assertThat(row.get("shiftBriefing").get("target").asDouble()).isEqualTo(0.4);
        assertThat(row.get("shiftBriefing").get("met").asBoolean()).isTrue();
        assertThat(row.get("quarterlyLecture").get("rate").asDouble()).isEqualTo(0.2);
        assertThat(row.get("quarterlyLecture").get("met").asBoolean()).isFalse();
        assertThat(row.get("certifiedOnDuty").get("count").asInt()).isEqualTo(1);
        assertThat(row.get("certifiedOnDuty").get("base").asInt()).isEqualTo(2);
        assertThat(row.get("certifiedOnDuty").get("target").asDouble()).isEqualTo(1.0);
        assertThat(row.get("personTimes").asInt()).isEqualTo(150);

        JsonNode establishments = townOfficer(town).get("/api/v1/training/rates/establishments?townId=" + town)
                .json();
        assertThat(establishments.get("totalElements").asInt()).isEqualTo(6);
        JsonNode city = townOfficer(town).get("/api/v1/training/rates/city").json();
        assertThat(city.get("establishments").asInt()).as("a town officer's city is their town").isEqualTo(6);
        JsonNode previous = admin().get("/api/v1/training/rates/towns?month="
                + YearMonth.from(calendar.today()).minusMonths(1)).json();
        for (JsonNode t : previous.get("items")) {
            if (t.get("townId").asString().equals(town)) {
                assertThat(t.get("shiftBriefing").get("count").asInt()).isZero();
            }
        }
        assertThat(admin().get("/api/v1/training/rates/towns?month=2026-13").status()).isEqualTo(400);

        // the town's figures are published for reporting, and again only when they change
        String key = town + ":" + month;
        assertThat(publisher.runOnce()).isPositive();
        assertThat(published(key, 1)).hasSize(1);
        assertThat(EventJson.read(published(key, 1).get(0).value(), TownRatesComputed.class).shiftBriefingRate())
                .isEqualTo(0.4);
        publisher.runOnce();
        assertThat(mongo.findById(key, org.bson.Document.class, "town_rates").get("version", Number.class)
                .longValue()).as("unchanged figures are not written again").isZero();
        assertThat(session(industrial.get(3), "SHIFT_BRIEFING", null).status()).isEqualTo(201);
        assertThat(publisher.runOnce()).isPositive();
        List<ConsumerRecord<String, CloudEvent>> both = published(key, 2);
        assertThat(both).hasSize(2);
        assertThat(EventJson.read(both.get(1).value(), TownRatesComputed.class).shiftBriefingCount()).isEqualTo(3);
        assertThat(EventJson.read(both.get(1).value(), TownRatesComputed.class).certifiedOnDuty()).isEqualTo(2);
    }

    /** The relay drained the figures' document, then a fresh probe reads its events. */
    List<ConsumerRecord<String, CloudEvent>> published(String key, int count) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            org.bson.Document doc = mongo.findById(key, org.bson.Document.class, "town_rates");
            return doc != null && doc.getList("outbox", Object.class, List.of()).isEmpty();
        });
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.TRAINING)) {
            return probe.await(r -> key.equals(r.key()), count, java.time.Duration.ofSeconds(60));
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.liuhua.training.rates.RatesPublisher publisher;
}
