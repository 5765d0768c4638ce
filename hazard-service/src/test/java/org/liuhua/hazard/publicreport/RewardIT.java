package org.liuhua.hazard.publicreport;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whistle-blowers (H-10): the channel a report came by stays on it and on its hazard; the reward is proposed at the
 * rule's amount, approved by another officer of the city, paid with a reference, each step an event; the reporter
 * follows the hazard with the tracking code alone, seeing no one's personal data.
 */
class RewardIT extends HazardIT {

    @Autowired
    CityCalendar calendar;

    private String submit(String address, String channel, String description) {
        TestHttp.Response submitted = anonymous().post("/api/v1/public/reports", Map.of("townId", JINFENG,
                "description", description, "contact", "13900001111", "channel", channel),
                Map.of("X-Forwarded-For", address));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        assertThat(submitted.json().get("channel").asString()).isEqualTo(channel);
        return submitted.json().get("code").asString();
    }

    @Test
    void aRewardIsProposedByRuleApprovedByAnotherOfficerAndPaidWhileTheReporterFollowsTheHazard() {
        String code = submit("10.0.3.1", "HOTLINE_12345", "饭店后厨液化气钢瓶与灶具未分隔");
        String est = unique("est-jinfeng");
        TestHttp town = townOfficer(JINFENG);
        String hazardId = town.post("/api/v1/public-reports/" + code + "/verify", Map.of("establishmentId", est,
                "category", "GAS", "severity", "GENERAL")).json().get("hazardId").asString();
        JsonNode hazard = admin().get("/api/v1/hazards/" + hazardId).json();
        assertThat(hazard.get("channel").asString()).isEqualTo("HOTLINE_12345");
        assertThat(town.get("/api/v1/public-reports/" + code).json().get("channel").asString())
                .isEqualTo("HOTLINE_12345");

        JsonNode pending = town.get("/api/v1/rewards/" + hazardId).json();
        assertThat(pending.get("state").asString()).as(pending.toString()).isEqualTo("PENDING");
        assertThat(pending.get("allowedCommands").toString()).contains("propose");
        assertThat(town.post("/api/v1/rewards/" + hazardId + "/approve", Map.of()).status())
                .as("the town does not approve").isEqualTo(403);
        assertThat(townOfficer(TANGQIAO).post("/api/v1/rewards/" + hazardId + "/propose", Map.of()).status())
                .as("another town's reward is out of scope").isEqualTo(404);
        // found to be major before the proposal: the rule's amount for a major hazard
        admin().post("/api/v1/hazards/" + hazardId + "/raise-severity", Map.of("reason",
                "液化气钢瓶设置在地下室，属重大事故隐患判定标准所列情形"));

        TestHttp.Response proposed = admin().post("/api/v1/rewards/" + hazardId + "/propose", Map.of());
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
        assertThat(proposed.json().get("state").asString()).isEqualTo("PROPOSED");
        assertThat(proposed.json().get("severity").asString()).isEqualTo("MAJOR");
        assertThat(proposed.json().get("amountCny").asInt()).isEqualTo(3000);
        assertThat(admin().post("/api/v1/rewards/" + hazardId + "/propose", Map.of()).status()).isEqualTo(409);
        TestHttp.Response ownApproval = admin().post("/api/v1/rewards/" + hazardId + "/approve", Map.of());
        assertThat(ownApproval.status()).as("the proposer does not approve").isEqualTo(403);
        assertThat(ownApproval.body()).contains("four-eyes");
        assertThat(town.post("/api/v1/rewards/" + hazardId + "/pay", Map.of("paymentReference", "x",
                "paidOn", calendar.today().toString())).status()).as("not approved yet").isEqualTo(409);

        TestHttp.Response approved = admin2().post("/api/v1/rewards/" + hazardId + "/approve", Map.of());
        assertThat(approved.json().get("state").asString()).as(approved.toString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("approverRole").asString()).isEqualTo("CITY_ADMIN");

        TestHttp.Response future = town.post("/api/v1/rewards/" + hazardId + "/pay", Map.of("paymentReference",
                "张应急奖〔2026〕12号", "paidOn", calendar.today().plusDays(1).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").findValuesAsString("field")).containsExactly("paidOn");
        TestHttp.Response noReference = town.post("/api/v1/rewards/" + hazardId + "/pay",
                Map.of("paidOn", calendar.today().toString()));
        assertThat(noReference.json().get("errors").findValuesAsString("field")).containsExactly("paymentReference");
        TestHttp.Response paid = town.post("/api/v1/rewards/" + hazardId + "/pay", Map.of("paymentReference",
                "张应急奖〔2026〕12号", "paidOn", calendar.today().toString()));
        assertThat(paid.json().get("state").asString()).as(paid.toString()).isEqualTo("PAID");
        assertThat(paid.json().get("paymentReference").asString()).isEqualTo("张应急奖〔2026〕12号");
        assertThat(town.get("/api/v1/rewards?size=200").json().get("items").findValuesAsString("state"))
                .contains("PAID");

        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.HAZARD)) {
            probe.await(r -> hazardId.equals(r.key()) && r.value().getType().endsWith("reward-paid.v1"), 1,
                    Duration.ofSeconds(20));
            List<String> types = probe.drain(r -> hazardId.equals(r.key()), Duration.ofSeconds(1)).stream()
                    .map(r -> r.value()).map(CloudEvent::getType).filter(t -> t.contains("reward")).distinct()
                    .toList();
            assertThat(types).containsExactly("liuhua.hazard.reward-proposed.v1", "liuhua.hazard.reward-approved.v1",
                    "liuhua.hazard.reward-paid.v1");
        }

        town.post("/api/v1/hazards/" + hazardId + "/transfer", Map.of("toEstablishment", true));
        town.post("/api/v1/hazards/" + hazardId + "/acknowledge", Map.of());
        JsonNode tracked = anonymous().get("/api/v1/public/reports/" + code).json();
        assertThat(tracked.get("state").asString()).isEqualTo("VERIFIED");
        assertThat(tracked.get("hazardState").asString()).as(tracked.toString()).isEqualTo("RECTIFYING");
        assertThat(tracked.get("hazardSteps").findValuesAsString("state"))
                .containsExactly("REPORTED", "TRANSFERRED", "RECTIFYING");
        assertThat(tracked.get("rewardState").asString()).isEqualTo("PAID");
        assertThat(tracked.get("rewardAmountCny").asInt()).isEqualTo(3000);
        assertThat(tracked.get("channel").asString()).isEqualTo("HOTLINE_12345");
        assertThat(tracked.toString()).doesNotContain("13900001111", "town-officer", "city-admin", "张应急奖",
                hazard.get("reportedBy").asString());
    }

    @Test
    void aReportWithoutAChannelCameByTheApp() {
        TestHttp.Response submitted = anonymous().post("/api/v1/public/reports", Map.of("townId", JINFENG,
                "description", "楼道堆放杂物"), Map.of("X-Forwarded-For", "10.0.3.2"));
        assertThat(submitted.json().get("channel").asString()).isEqualTo("APP_PHOTO");
        assertThat(submitted.json().get("hazardSteps").size()).isZero();
        TestHttp.Response badChannel = anonymous().post("/api/v1/public/reports", Map.of("townId", JINFENG,
                "description", "楼道堆放杂物", "channel", "WECHAT"), Map.of("X-Forwarded-For", "10.0.3.2"));
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.json().get("errors").findValuesAsString("field")).containsExactly("channel");
    }
}
