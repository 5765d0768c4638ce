package org.liuhua.hazard.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.PatrolFindingRecorded;
import org.liuhua.events.grid.PatrolFindingWithdrawn;
import org.liuhua.events.hazard.HazardFindingWithdrawn;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A patrol finding withdrawn in grid-service after hazard-service had made a hazard of it (grid had not learnt it
 * yet): the hazard is voided while nothing else happened to it, else the withdrawal stays on its history.
 */
class WithdrawnFindingIT extends HazardIT {

    private static final String WITHDRAWN_TYPE = "liuhua.hazard.finding-withdrawn.v1";

    @Autowired
    MongoTemplate mongo;

    private PatrolFindingRecorded finding(String patrolId, String est, String inspector, String category,
                                          String severity) {
        String findingId = unique("finding");
        return new PatrolFindingRecorded(findingId, patrolId, inspector, est, JINFENG, category, severity,
                "消防通道堆放杂物", "chk-3", Instant.now().minusSeconds(300), Instant.now());
    }

    private static String key(PatrolFindingRecorded f) {
        return f.patrolId() + ":" + f.findingId();
    }

    private String awaitHazardOf(PatrolFindingRecorded f) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(new Query(Criteria.where("sourceKey")
                .is("GRID_PATROL:" + key(f))), "hazards"));
        return mongo.findOne(new Query(Criteria.where("sourceKey").is("GRID_PATROL:" + key(f))),
                org.bson.Document.class, "hazards").getString("_id");
    }

    private void withdraw(PatrolFindingRecorded f, String reason) {
        publish(Topics.GRID, key(f), new PatrolFindingWithdrawn(f.findingId(), f.patrolId(), f.inspectorId(),
                f.establishmentId(), JINFENG, reason, f.inspectorId() + ".user", Instant.now()));
    }

    private JsonNode awaitHistory(String hazardId, String command) {
        await().atMost(Duration.ofSeconds(20)).until(() -> admin().get("/api/v1/hazards/" + hazardId).json()
                .get("history").findValuesAsString("command").contains(command));
        return admin().get("/api/v1/hazards/" + hazardId).json();
    }

    @Test
    void aWithdrawnFindingVoidsItsUntouchedHazardOnceAndTheHazardCountsAsOpenNowhere() {
        String est = unique("est-jinfeng");
        PatrolFindingRecorded f = finding(unique("patrol"), est, "insp-jinfeng-01", "FIRE_SAFETY", "MAJOR");
        publish(Topics.GRID, key(f), f);
        String id = awaitHazardOf(f);
        TestHttp town = townOfficer(JINFENG);
        assertThat(town.get("/api/v1/hazards/major-register?size=200&sort=reportedAt,desc").json().get("items")
                .findValuesAsString("id")).contains(id);

        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.HAZARD)) {
            withdraw(f, "误录：同一灭火器已登记");
            withdraw(f, "误录：同一灭火器已登记"); // a redelivery
            JsonNode detail = awaitHistory(id, "void");
            assertThat(detail.get("state").asString()).isEqualTo("VOIDED");
            assertThat(detail.get("voidReason").asString()).isEqualTo("误录：同一灭火器已登记");
            assertThat(detail.get("voidedAt").isNull()).isFalse();
            assertThat(detail.get("allowedCommands").size()).as("a voided hazard is final").isZero();

            List<ConsumerRecord<String, CloudEvent>> events = probe.drain(r -> id.equals(r.key())
                    && WITHDRAWN_TYPE.equals(r.value().getType()), Duration.ofSeconds(3));
            assertThat(events).as("one event for two deliveries").hasSize(1);
            HazardFindingWithdrawn event = EventJson.read(events.get(0).value(), HazardFindingWithdrawn.class);
            assertThat(event.voided()).isTrue();
            assertThat(event.state()).isEqualTo("VOIDED");
            assertThat(event.findingRef()).isEqualTo(key(f));
            assertThat(event.reason()).isEqualTo("误录：同一灭火器已登记");
            assertThat(event.actor()).isEqualTo("inspector:insp-jinfeng-01");
        }
        JsonNode detail = admin().get("/api/v1/hazards/" + id).json();
        assertThat(detail.get("history").findValuesAsString("command")).containsExactly("report", "void");
        assertThat(detail.get("findingWithdrawnAt").isNull()).as("voided, nothing to judge").isTrue();
        assertThat(town.get("/api/v1/hazards/inbox?size=200").json().get("sections").get("findingsWithdrawn")
                .get("items").findValuesAsString("id")).doesNotContain(id);

        TestHttp.Response transfer = town.post("/api/v1/hazards/" + id + "/transfer", Map.of("toEstablishment", true));
        assertThat(transfer.status()).as(transfer.toString()).isEqualTo(409);
        assertThat(transfer.json().get("currentState").asString()).isEqualTo("VOIDED");
        assertThat(town.get("/api/v1/hazards/major-register?size=200&sort=reportedAt,desc").json().get("items")
                .findValuesAsString("id")).as("a voided hazard leaves the major register").doesNotContain(id);
        assertThat(admin().get("/api/v1/hazards?state=VOIDED&establishmentId=" + est).json().get("items")
                .findValuesAsString("id")).containsExactly(id);

        // the next finding of the same establishment and category opens its own hazard: nothing joins a voided one
        PatrolFindingRecorded next = finding(unique("patrol"), est, "insp-jinfeng-02", "FIRE_SAFETY", "MAJOR");
        publish(Topics.GRID, key(next), next);
        String nextId = awaitHazardOf(next);
        assertThat(nextId).isNotEqualTo(id);
        assertThat(admin().get("/api/v1/hazards/" + nextId).json().get("state").asString()).isEqualTo("REPORTED");
    }

    @Test
    void aHazardAlreadyActedOnIsKeptAndTheWithdrawalIsOnItsHistory() {
        String est = unique("est-jinfeng");
        PatrolFindingRecorded f = finding(unique("patrol"), est, "insp-jinfeng-01", "GAS", "GENERAL");
        publish(Topics.GRID, key(f), f);
        String id = awaitHazardOf(f);
        TestHttp.Response transferred = townOfficer(JINFENG).post("/api/v1/hazards/" + id + "/transfer",
                Map.of("toEstablishment", true));
        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);

        withdraw(f, "巡查员撤回");
        JsonNode detail = awaitHistory(id, "finding-withdrawn");
        assertThat(detail.get("state").asString()).as("the town already took it up").isEqualTo("TRANSFERRED");
        assertThat(detail.get("voidedAt").isNull()).isTrue();
        JsonNode entry = detail.get("history").get(detail.get("history").size() - 1);
        assertThat(entry.get("note").asString()).isEqualTo("巡查员撤回");
        assertThat(entry.get("details").asString()).contains("ref=" + key(f)).contains("kept=state-TRANSFERRED");
        assertThat(detail.get("allowedCommands").toString()).contains("acknowledge");
        assertThat(detail.get("findingWithdrawnAt").isNull()).isFalse();
        assertThat(townOfficer(JINFENG).get("/api/v1/hazards/inbox?size=200").json().get("sections")
                .get("findingsWithdrawn").get("items").findValuesAsString("id"))
                .as("the town judges whether it stands").contains(id);
        assertThat(townOfficer(TANGQIAO).get("/api/v1/hazards/inbox?size=200").json().get("sections")
                .get("findingsWithdrawn").get("items").findValuesAsString("id")).doesNotContain(id);
    }

    @Test
    void aWithdrawnFindingThatJoinedAnotherHazardLeavesThatHazardOpen() {
        String est = unique("est-jinfeng");
        PatrolFindingRecorded first = finding(unique("patrol"), est, "insp-jinfeng-01", "GAS", "GENERAL");
        publish(Topics.GRID, key(first), first);
        String id = awaitHazardOf(first);
        PatrolFindingRecorded joining = finding(unique("patrol"), est, "insp-jinfeng-02", "GAS", "GENERAL");
        publish(Topics.GRID, key(joining), joining);
        await().atMost(Duration.ofSeconds(20)).until(() -> admin().get("/api/v1/hazards/" + id).json()
                .get("corroborations").size() == 1);

        withdraw(joining, "重复发现");
        JsonNode detail = awaitHistory(id, "finding-withdrawn");
        assertThat(detail.get("state").asString()).isEqualTo("REPORTED");
        JsonNode entry = detail.get("history").get(detail.get("history").size() - 1);
        assertThat(entry.get("details").asString()).contains("ref=" + key(joining)).contains("corroboration");

        // the hazard's own finding withdrawn now: another finding joined it, so it is kept too
        withdraw(first, "误录");
        await().atMost(Duration.ofSeconds(20)).until(() -> admin().get("/api/v1/hazards/" + id).json()
                .get("history").findValuesAsString("command").stream()
                .filter("finding-withdrawn"::equals).count() == 2);
        JsonNode after = admin().get("/api/v1/hazards/" + id).json();
        assertThat(after.get("state").asString()).isEqualTo("REPORTED");
        assertThat(after.get("history").get(after.get("history").size() - 1).get("details").asString())
                .contains("kept=corroborated");
    }
}
