package org.liuhua.training.session;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
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
        try (org.liuhua.kit.test.TopicProbe probe = new org.liuhua.kit.test.TopicProbe(bootstrap,
                org.liuhua.events.Topics.TRAINING)) {
            probe.drain(r -> false, java.time.Duration.ofSeconds(1));
            ratesAndTheirEvents(probe);
        }
    }

    void ratesAndTheirEvents(org.liuhua.kit.test.TopicProbe probe) {
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
        {
            assertThat(publisher.runOnce()).isPositive();
            String key = town + ":" + month;
            java.util.function.Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<String,
                    io.cloudevents.CloudEvent>> ofTown = r -> r.key().equals(key);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
                org.bson.Document doc = mongo.findById(key, org.bson.Document.class, "town_rates");
                return doc != null && doc.getList("outbox", Object.class, List.of()).isEmpty();
            });
            var first = probe.await(ofTown, 1, java.time.Duration.ofSeconds(90));
            var figures = org.liuhua.kit.outbox.EventJson.read(first.get(0).value(),
                    org.liuhua.events.training.TownRatesComputed.class);
            assertThat(figures.shiftBriefingRate()).isEqualTo(0.4);
            assertThat(figures.certifiedOnDuty()).isEqualTo(2);
            publisher.runOnce();
            assertThat(probe.drain(ofTown, java.time.Duration.ofSeconds(2))).as("unchanged figures").hasSize(1);
            assertThat(session(industrial.get(3), "SHIFT_BRIEFING", null).status()).isEqualTo(201);
            publisher.runOnce();
            var changed = probe.await(ofTown, 2, java.time.Duration.ofSeconds(90));
            assertThat(changed).hasSize(2);
            assertThat(org.liuhua.kit.outbox.EventJson.read(changed.get(1).value(),
                    org.liuhua.events.training.TownRatesComputed.class).shiftBriefingCount()).isEqualTo(3);
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.liuhua.training.rates.RatesPublisher publisher;
}
