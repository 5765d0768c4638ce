package org.liuhua.hazard.loop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.hazard.HazardClosed;
import org.liuhua.events.hazard.HazardEnforced;
import org.liuhua.events.hazard.HazardReviewed;
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

/** The closed loop through the API: every command, its rules, its history and its events on the real broker. */
class HazardLoopIT extends HazardIT {

    @Autowired
    MongoTemplate mongo;

    @Test
    void aHazardGoesThroughTheWholeLoopWithAFailedReviewAndEveryStepIsAnEvent() {
        String est = unique("est-jinfeng");
        String id = report(est, JINFENG, "FIRE_SAFETY", null, "GRID_PATROL");
        TestHttp town = townOfficer(JINFENG);
        TestHttp housing = departmentOfficer("dept-housing");

        TestHttp.Response transferred = town.post("/api/v1/hazards/" + id + "/transfer",
                Map.of("toEstablishment", true, "departmentId", "dept-housing", "note", "镇街吹哨"));
        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);
        assertThat(transferred.json().get("state").asString()).isEqualTo("TRANSFERRED");
        assertThat(transferred.json().get("acknowledgeBy").isNull()).isFalse();

        // rectifying before the department acknowledged is an illegal transition
        TestHttp.Response early = housing.post("/api/v1/hazards/" + id + "/rectify", fiveParts());
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(early.json().get("currentState").asString()).isEqualTo("TRANSFERRED");
        assertThat(early.json().get("allowedCommands").findValuesAsString("allowedCommands")).isEmpty();
        assertThat(early.json().get("allowedCommands").toString()).contains("acknowledge");

        assertThat(town.post("/api/v1/hazards/" + id + "/acknowledge", Map.of()).status())
                .as("only the department the hazard was transferred to acknowledges").isEqualTo(403);
        TestHttp.Response acknowledged = housing.post("/api/v1/hazards/" + id + "/acknowledge",
                Map.of("note", "部门报到"));
        assertThat(acknowledged.json().get("state").asString()).as(acknowledged.toString()).isEqualTo("RECTIFYING");

        Map<String, Object> twoMissing = fiveParts();
        twoMissing.remove("responsiblePerson");
        twoMissing.remove("contingencyPlan");
        TestHttp.Response incomplete = housing.post("/api/v1/hazards/" + id + "/rectify", twoMissing);
        assertThat(incomplete.status()).as(incomplete.toString()).isEqualTo(400);
        assertThat(incomplete.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("responsiblePerson", "contingencyPlan");

        TestHttp.Response rectified = housing.post("/api/v1/hazards/" + id + "/rectify", fiveParts());
        assertThat(rectified.json().get("state").asString()).as(rectified.toString()).isEqualTo("REVIEW");
        assertThat(rectified.json().get("rectification").get("responsiblePerson").asString()).isEqualTo("张经理");

        TestHttp.Response byReporter = admin().post("/api/v1/hazards/" + id + "/review", Map.of("passed", true));
        assertThat(byReporter.status()).as("the reporter may not review: 谁检查、谁签名、谁负责").isEqualTo(403);

        TestHttp.Response failed = town.post("/api/v1/hazards/" + id + "/review",
                Map.of("passed", false, "note", "警示标志未设置"));
        assertThat(failed.json().get("state").asString()).as(failed.toString()).isEqualTo("RECTIFYING");
        assertThat(failed.json().get("failedReviews").asInt()).isEqualTo(1);

        TestHttp.Response closeNow = town.post("/api/v1/hazards/" + id + "/close", Map.of());
        assertThat(closeNow.status()).isEqualTo(409);
        assertThat(closeNow.json().get("currentState").asString()).isEqualTo("RECTIFYING");
        assertThat(closeNow.json().get("allowedCommands").toString()).contains("rectify");

        housing.post("/api/v1/hazards/" + id + "/rectify", fiveParts());
        TestHttp.Response passed = town.post("/api/v1/hazards/" + id + "/review",
                Map.of("passed", true, "note", "复核通过"));
        assertThat(passed.json().get("state").asString()).as(passed.toString()).isEqualTo("ENFORCEMENT");

        TestHttp.Response noDecision = town.post("/api/v1/hazards/" + id + "/close", Map.of());
        assertThat(noDecision.status()).isEqualTo(409);
        assertThat(noDecision.json().get("detail").asString()).contains("enforcement");

        TestHttp.Response caseFiled = town.post("/api/v1/hazards/" + id + "/enforce", Map.of("kind", "CASE_FILED"));
        assertThat(caseFiled.status()).isEqualTo(400);
        assertThat(caseFiled.json().get("errors").findValuesAsString("field")).containsExactly("caseNumber");
        TestHttp.Response enforced = town.post("/api/v1/hazards/" + id + "/enforce",
                Map.of("kind", "CASE_FILED", "caseNumber", "张应急立〔2026〕17号"));
        assertThat(enforced.status()).as(enforced.toString()).isEqualTo(200);

        TestHttp.Response closed = town.post("/api/v1/hazards/" + id + "/close", Map.of("note", "销号"));
        assertThat(closed.json().get("state").asString()).as(closed.toString()).isEqualTo("CLOSED");
        assertThat(closed.json().get("allowedCommands").size()).isZero();
        assertThat(town.post("/api/v1/hazards/" + id + "/transfer", Map.of("toEstablishment", true)).status())
                .isEqualTo(409);

        JsonNode stored = admin().get("/api/v1/hazards/" + id).json();
        List<String> commands = stored.get("history").findValuesAsString("command");
        assertThat(commands).containsExactly("report", "transfer", "acknowledge", "rectify", "review", "rectify",
                "review", "enforce", "close");
        JsonNode review = stored.get("history").get(4);
        assertThat(review.get("actorName").asString()).isEqualTo("town-officer-" + JINFENG);
        assertThat(review.get("actorRole").asString()).isEqualTo("TOWN_OFFICER");
        assertThat(review.get("note").asString()).isEqualTo("警示标志未设置");
        assertThat(admin().get("/api/v1/hazards/" + id + "/verify").json().get("intact").asBoolean()).isTrue();

        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.HAZARD)) {
            // delivery is at least once (a relay pass may overlap a save): consumers dedupe by event id, so do we
            probe.await(r -> id.equals(r.key()) && r.value().getType().endsWith("closed.v1"), 1,
                    Duration.ofSeconds(20));
            List<CloudEvent> events = distinct(probe.drain(r -> id.equals(r.key()), Duration.ofSeconds(1)));
            assertThat(events.stream().map(CloudEvent::getType).toList()).containsExactly(
                    "liuhua.hazard.reported.v1", "liuhua.hazard.transferred.v1", "liuhua.hazard.acknowledged.v1",
                    "liuhua.hazard.rectified.v1", "liuhua.hazard.reviewed.v1", "liuhua.hazard.rectified.v1",
                    "liuhua.hazard.reviewed.v1", "liuhua.hazard.enforced.v1", "liuhua.hazard.closed.v1");
            HazardReviewed failedEvent = EventJson.read(events.get(4), HazardReviewed.class);
            assertThat(failedEvent.passed()).isFalse();
            assertThat(failedEvent.state()).isEqualTo("RECTIFYING");
            assertThat(failedEvent.revision()).isEqualTo(5);
            HazardEnforced enforcedEvent = EventJson.read(events.get(7), HazardEnforced.class);
            assertThat(enforcedEvent.kind()).isEqualTo("CASE_FILED");
            assertThat(enforcedEvent.caseNumber()).isEqualTo("张应急立〔2026〕17号");
            HazardClosed closedEvent = EventJson.read(events.get(8), HazardClosed.class);
            assertThat(closedEvent.state()).isEqualTo("CLOSED");
            assertThat(closedEvent.revision()).isEqualTo(9);
            assertThat(closedEvent.townId()).isEqualTo(JINFENG);
            assertThat(closedEvent.establishmentId()).isEqualTo(est);
            assertThat(closedEvent.source()).isEqualTo("GRID_PATROL");
            assertThat(closedEvent.severity()).isEqualTo("GENERAL");
            assertThat(closedEvent.actor()).isNotBlank();
            assertThat(closedEvent.occurredAt()).isNotNull();
            assertThat(closedEvent.enforcementKind()).isEqualTo("CASE_FILED");
        }
    }

    static List<CloudEvent> distinct(List<ConsumerRecord<String, CloudEvent>> records) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        return records.stream().map(ConsumerRecord::value).filter(e -> ids.add(e.getId())).toList();
    }

    @Test
    void aMajorHazardClosesOnlyWithTheTownsSupervisionOrderAndTheDepartmentsSignOff() {
        String est = unique("est-jinfeng");
        String id = report(est, JINFENG, "DUST_EXPLOSION", "MAJOR", "LAW_ENFORCEMENT");
        TestHttp town = townOfficer(JINFENG);
        TestHttp housing = departmentOfficer("dept-housing");
        town.post("/api/v1/hazards/" + id + "/transfer", Map.of("departmentId", "dept-housing"));
        housing.post("/api/v1/hazards/" + id + "/acknowledge", Map.of());
        // 督办在先: the town's supervision order comes before the rectification of a major hazard
        assertThat(housing.post("/api/v1/hazards/" + id + "/supervision-order", Map.of("orderNumber", "x")).status())
                .as("the town issues the supervision order").isEqualTo(403);
        TestHttp.Response ordered = town.post("/api/v1/hazards/" + id + "/supervision-order",
                Map.of("orderNumber", "锦丰督〔2026〕5号", "note", "挂牌督办"));
        assertThat(ordered.json().get("supervisionOrderNumber").asString()).as(ordered.toString())
                .isEqualTo("锦丰督〔2026〕5号");
        housing.post("/api/v1/hazards/" + id + "/rectify", fiveParts());
        assertThat(town.post("/api/v1/hazards/" + id + "/review", Map.of("passed", true)).json().get("state")
                .asString()).isEqualTo("ENFORCEMENT");

        TestHttp.Response exempt = town.post("/api/v1/hazards/" + id + "/enforce", Map.of("kind", "EXEMPT"));
        assertThat(exempt.status()).as("EXEMPT is only for self-reported major hazards").isEqualTo(400);
        assertThat(exempt.json().get("errors").findValuesAsString("field")).containsExactly("kind");
        assertThat(town.post("/api/v1/hazards/" + id + "/enforce", Map.of("kind", "NONE")).status()).isEqualTo(400);
        TestHttp.Response noAmount = town.post("/api/v1/hazards/" + id + "/enforce", Map.of("kind", "PENALTY"));
        assertThat(noAmount.json().get("errors").findValuesAsString("field")).containsExactly("penaltyAmountCny");
        assertThat(town.post("/api/v1/hazards/" + id + "/enforce", Map.of("kind", "PENALTY", "penaltyAmountCny",
                50000, "caseNumber", "张应急罚〔2026〕3号")).status()).isEqualTo(200);

        TestHttp.Response withoutSignOff = town.post("/api/v1/hazards/" + id + "/close", Map.of());
        assertThat(withoutSignOff.status()).isEqualTo(409);
        assertThat(withoutSignOff.json().get("detail").asString()).contains("sign-off").doesNotContain("order (");

        assertThat(departmentOfficer("dept-fire").post("/api/v1/hazards/" + id + "/sign-off", Map.of()).status())
                .as("another department does not see the hazard").isEqualTo(404);
        TestHttp.Response signed = housing.post("/api/v1/hazards/" + id + "/sign-off", Map.of("note", "审核把关"));
        assertThat(signed.json().get("signedOffDepartmentId").asString()).as(signed.toString())
                .isEqualTo("dept-housing");
        JsonNode register = town.get("/api/v1/hazards/major-register").json();
        assertThat(register.get("items").findValuesAsString("id")).as(register.toString()).contains(id);
        assertThat(register.get("byTown").get(JINFENG).asLong()).isEqualTo(register.get("open").asLong());
        assertThat(register.get("byTown").has(TANGQIAO)).as("a town sees its own register").isFalse();
        TestHttp.Response closed = town.post("/api/v1/hazards/" + id + "/close", Map.of());
        assertThat(closed.json().get("state").asString()).as(closed.toString()).isEqualTo("CLOSED");
        assertThat(town.get("/api/v1/hazards/major-register").json().get("items").findValuesAsString("id"))
                .as("a closed major hazard leaves the register").doesNotContain(id);
    }

    @Test
    void aSelfReportedMajorHazardMayBeClosedExemptFromPenalty() {
        String id = report(unique("est-jinfeng"), JINFENG, "AMMONIA", "MAJOR", "ENTERPRISE_SELF_CHECK");
        TestHttp town = townOfficer(JINFENG);
        town.post("/api/v1/hazards/" + id + "/transfer", Map.of("toEstablishment", true));
        town.post("/api/v1/hazards/" + id + "/supervision-order", Map.of("orderNumber", "锦丰督〔2026〕6号"));
        admin2().post("/api/v1/hazards/" + id + "/rectify", fiveParts());
        town.post("/api/v1/hazards/" + id + "/review", Map.of("passed", true));
        TestHttp.Response exempt = town.post("/api/v1/hazards/" + id + "/enforce", Map.of("kind", "EXEMPT",
                "note", "自查上报并整改，依法免予行政处罚"));
        assertThat(exempt.status()).as(exempt.toString()).isEqualTo(200);
        admin2().post("/api/v1/hazards/" + id + "/sign-off", Map.of());
        assertThat(town.post("/api/v1/hazards/" + id + "/close", Map.of()).json().get("state").asString())
                .isEqualTo("CLOSED");
    }

    @Test
    void clientSentStateAuthorAndRevisionAreIgnored() {
        TestHttp.Response created = admin().post("/api/v1/hazards", Map.of("establishmentId", unique("est-jinfeng"),
                "townId", JINFENG, "category", "ELECTRICAL", "source", "GRID_PATROL", "description", "私拉电线",
                "state", "CLOSED", "reportedBy", "someone-else", "revision", 99, "id", "chosen-id",
                "history", List.of(Map.of("command", "close"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode hazard = created.json();
        assertThat(hazard.get("state").asString()).isEqualTo("REPORTED");
        assertThat(hazard.get("revision").asLong()).isEqualTo(1);
        assertThat(hazard.get("id").asString()).isNotEqualTo("chosen-id");
        assertThat(hazard.get("reportedBy").asString()).isNotEqualTo("someone-else");
        assertThat(hazard.get("reportedByName").asString()).isEqualTo("city-admin");
        assertThat(hazard.get("history").size()).isEqualTo(1);
    }

    @Test
    void rewritingAStoredHistoryEntryIsDetectedByVerify() {
        String id = report(unique("est-jinfeng"), JINFENG, "FIRE_SAFETY", null, "LAW_ENFORCEMENT");
        townOfficer(JINFENG).post("/api/v1/hazards/" + id + "/transfer", Map.of("toEstablishment", true,
                "note", "移交企业"));
        assertThat(admin().get("/api/v1/hazards/" + id + "/verify").json().get("intact").asBoolean()).isTrue();

        Document stored = mongo.findById(id, Document.class, "hazards");
        @SuppressWarnings("unchecked")
        List<Document> history = new ArrayList<>((List<Document>) stored.get("history"));
        history.get(1).put("note", "没有移交");
        mongo.getCollection("hazards").updateOne(new Document("_id", id),
                new Document("$set", new Document("history", history)));

        JsonNode verdict = admin().get("/api/v1/hazards/" + id + "/verify").json();
        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.get("firstBrokenEntry").asInt()).isEqualTo(2);
        assertThat(verdict.get("entries").asInt()).isEqualTo(2);
    }

    @Test
    void aMatchingFindingJoinsTheOpenHazardAndTheLedgerShowsEverySource() {
        String est = unique("est-jinfeng");
        String first = report(est, JINFENG, "FIRE_SAFETY", null, "GRID_PATROL");
        TestHttp.Response joined = admin().post("/api/v1/hazards", Map.of("establishmentId", est, "townId", JINFENG,
                "category", "FIRE_SAFETY", "source", "LAW_ENFORCEMENT", "description", "执法检查发现同一隐患"));
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(joined.json().get("outcome").asString()).isEqualTo("JOINED");
        assertThat(joined.json().get("id").asString()).isEqualTo(first);
        assertThat(joined.json().get("corroborations").get(0).get("source").asString()).isEqualTo("LAW_ENFORCEMENT");
        String major = report(est, JINFENG, "FIRE_SAFETY", "MAJOR", "SUPERIOR_INSPECTION");
        assertThat(major).as("a major finding does not hide in a general ticket").isNotEqualTo(first);
        admin().post("/api/v1/hazards/" + major + "/transfer", Map.of("toEstablishment", true));
        JsonNode majorAgain = alert(est, JINFENG, "FIRE_SAFETY", "MAJOR");
        assertThat(majorAgain.get("hazardId").asString()).as("joins the open major ticket").isEqualTo(major);
        assertThat(majorAgain.get("status").asString()).isEqualTo("JOINED");
        String second = alert(est, JINFENG, "ELECTRICAL", null).get("hazardId").asString();
        assertThat(second).isNotEqualTo(first);
        String other = report(unique("est-jinfeng"), JINFENG, "FIRE_SAFETY", null, "GRID_PATROL");
        assertThat(other).isNotEqualTo(first);

        JsonNode ledger = admin().get("/api/v1/hazards/ledger?establishmentId=" + est).json();
        assertThat(ledger.get("totalElements").asInt()).as(ledger.toString()).isEqualTo(3);
        assertThat(ledger.get("openMajor").asInt()).isEqualTo(1);
        assertThat(ledger.get("bySource").get("GRID_PATROL").asInt()).isEqualTo(1);
        assertThat(ledger.get("bySource").get("SENSOR").asInt()).isEqualTo(1);
        assertThat(ledger.get("bySource").get("SUPERIOR_INSPECTION").asInt()).isEqualTo(1);
        assertThat(ledger.get("corroborationsBySource").get("LAW_ENFORCEMENT").asInt()).isEqualTo(1);
        assertThat(ledger.get("corroborationsBySource").get("SENSOR").asInt()).isEqualTo(1);
        assertThat(ledger.get("byState").get("REPORTED").asInt()).isEqualTo(2);
        assertThat(ledger.get("byState").get("TRANSFERRED").asInt()).isEqualTo(1);
        assertThat(ledger.get("items").findValuesAsString("id")).containsExactlyInAnyOrder(first, second, major);
        assertThat(admin().get("/api/v1/hazards/ledger").status()).isEqualTo(400);
    }

    @Test
    void theListFiltersSortsAndPages() {
        String est = unique("est-jinfeng");
        String a = report(est, JINFENG, "CAT-A", null, "GRID_PATROL");
        String b = alert(est, JINFENG, "CAT-B", "MAJOR").get("hazardId").asString();
        alert(est, JINFENG, "CAT-C", null);
        townOfficer(JINFENG).post("/api/v1/hazards/" + a + "/transfer", Map.of("toEstablishment", true));

        JsonNode page = admin().get("/api/v1/hazards?establishmentId=" + est + "&size=2&sort=reportedAt,asc").json();
        assertThat(page.get("totalElements").asInt()).as(page.toString()).isEqualTo(3);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.get("items").size()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(a);
        assertThat(admin().get("/api/v1/hazards?establishmentId=" + est + "&source=SENSOR").json().get("totalElements")
                .asInt()).isEqualTo(2);
        assertThat(admin().get("/api/v1/hazards?establishmentId=" + est + "&severity=MAJOR").json().get("items")
                .findValuesAsString("id")).containsExactly(b);
        assertThat(admin().get("/api/v1/hazards?establishmentId=" + est + "&state=TRANSFERRED").json().get("items")
                .findValuesAsString("id")).containsExactly(a);
        assertThat(admin().get("/api/v1/hazards?establishmentId=" + est + "&overdue=true").json().get("totalElements")
                .asInt()).isZero();
        assertThat(admin().get("/api/v1/hazards?establishmentId=" + est + "&from=2000-01-01T00:00:00Z&to="
                + "2001-01-01T00:00:00Z").json().get("totalElements").asInt()).isZero();
        assertThat(admin().get("/api/v1/hazards?establishmentId=" + est + "&from=2000-01-01T00:00:00Z").json()
                .get("totalElements").asInt()).isEqualTo(3);
        TestHttp.Response badSort = admin().get("/api/v1/hazards?sort=password,asc");
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.json().get("errors").findValuesAsString("field")).containsExactly("sort");
        assertThat(admin().get("/api/v1/hazards?state=NOPE").status()).isEqualTo(400);
    }

    @Test
    void theCockpitViewerReadsEverythingButCommandsNothing() {
        String id = report(unique("est-tangqiao"), TANGQIAO, "FIRE_SAFETY", null, "GRID_PATROL");
        assertThat(viewer().get("/api/v1/hazards/" + id).status()).isEqualTo(200);
        assertThat(viewer().post("/api/v1/hazards/" + id + "/transfer", Map.of("toEstablishment", true)).status())
                .isEqualTo(403);
        assertThat(viewer().post("/api/v1/hazards", Map.of("establishmentId", "e", "townId", TANGQIAO, "category",
                "c", "source", "GRID_PATROL", "description", "d")).status()).isEqualTo(403);
    }

    @Test
    void anUnknownEstablishmentIsReportedOnlyByTheCityOrItsTown() {
        TestHttp.Response byTown = townOfficer(JINFENG).post("/api/v1/hazards", Map.of("establishmentId",
                unique("est-jinfeng"), "townId", JINFENG, "category", "FIRE_SAFETY", "source", "GRID_PATROL",
                "description", "d"));
        assertThat(byTown.status()).as(byTown.toString()).isEqualTo(201);
        TestHttp.Response otherTown = townOfficer(JINFENG).post("/api/v1/hazards", Map.of("establishmentId",
                unique("est-tangqiao"), "townId", TANGQIAO, "category", "FIRE_SAFETY", "source", "GRID_PATROL",
                "description", "d"));
        assertThat(otherTown.status()).isEqualTo(400);
        assertThat(otherTown.json().get("errors").findValuesAsString("field")).containsExactly("establishmentId");
        assertThat(mongo.exists(new Query(Criteria.where("townId").is(TANGQIAO).and("reportedByName")
                .is("town-officer-" + JINFENG)), "hazards")).isFalse();
    }
}
