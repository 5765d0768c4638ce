package org.liuhua.hazard.interview;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.events.hazard.InterviewRecorded;
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

/** Warning interviews (约谈警示): validated, scoped, stored once and published once. */
class InterviewIT extends HazardIT {

    @Autowired
    MongoTemplate mongo;

    String known(String townId, String departmentId) {
        String id = unique("est-" + townId);
        publish(Topics.GRID, id, new EstablishmentRegistered(id, "张家港某化工有限公司", "INDUSTRIAL", "CHEMICALS",
                departmentId, townId, townId + "-v01", townId + "-v01-g1", null, "MAJOR", List.of(), 120,
                "某路8号", null, null, null, null, Instant.now(), 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(new Query(Criteria.where("_id").is(id)),
                "establishments"));
        return id;
    }

    static Map<String, Object> body(String establishmentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("establishmentId", establishmentId);
        body.put("heldOn", LocalDate.now().minusDays(2).toString());
        body.put("reason", "重大事故隐患逾期未整改，约谈企业主要负责人");
        body.put("attendees", List.of("王建国（企业主要负责人）", "李明（安全管理员）"));
        return body;
    }

    @Test
    void badInputIsA400NamingEveryField() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("establishmentId", "est-nobody-knows");
        bad.put("heldOn", LocalDate.now().plusDays(3).toString());
        bad.put("attendees", List.of());
        TestHttp.Response response = admin().post("/api/v1/hazards/interviews", bad);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        Set<String> fields = new HashSet<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("establishmentId", "heldOn", "reason", "attendees");

        Map<String, Object> notADay = body(known(JINFENG, "dept-emergency"));
        notADay.put("heldOn", "18.11.2026");
        TestHttp.Response wrong = admin().post("/api/v1/hazards/interviews", notADay);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("heldOn");
    }

    @Test
    void anAncientDayAnUnknownDepartmentAndOverlongIdsAreRefusedAndNothingIsRecorded() {
        String est = known(JINFENG, "dept-emergency");
        Map<String, Object> bad = body(est);
        bad.put("heldOn", "1999-01-01");
        bad.put("departmentId", "dept-nowhere");
        bad.put("relatedHazardIds", List.of("h".repeat(65)));
        TestHttp.Response response = admin().post("/api/v1/hazards/interviews", bad);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        Set<String> fields = new HashSet<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("heldOn", "departmentId", "relatedHazardIds");
        assertThat(mongo.exists(new Query(Criteria.where("establishmentId").is(est)), "interviews")).isFalse();
    }

    @Test
    void anInterviewIsRecordedOnceAndPublishedOnce() {
        String est = known(JINFENG, "dept-emergency");
        Map<String, Object> body = body(est);
        body.put("relatedHazardIds", List.of("7f9c1e2a-5b1d-4c55-9a51-2f0f5b7d9e01"));

        TestHttp.Response created = townOfficer(JINFENG).post("/api/v1/hazards/interviews", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("townId").asString()).isEqualTo(JINFENG);
        assertThat(created.json().get("departmentId").asString()).isEqualTo("dept-emergency");
        assertThat(created.json().get("establishmentName").asString()).isEqualTo("张家港某化工有限公司");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.HAZARD)) {
            probe.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
            List<ConsumerRecord<String, CloudEvent>> records = probe.drain(r -> id.equals(r.key()),
                    Duration.ofSeconds(2));
            Set<String> eventIds = new HashSet<>();
            records.forEach(r -> eventIds.add(r.value().getId()));
            assertThat(eventIds).hasSize(1);
            CloudEvent event = records.get(0).value();
            assertThat(event.getType()).isEqualTo("liuhua.hazard.interview-recorded.v1");
            InterviewRecorded recorded = EventJson.read(event, InterviewRecorded.class);
            assertThat(recorded.establishmentId()).isEqualTo(est);
            assertThat(recorded.month()).isEqualTo(LocalDate.now().minusDays(2).toString().substring(0, 7));
            assertThat(recorded.attendees()).hasSize(2);
            assertThat(recorded.relatedHazardIds()).containsExactly("7f9c1e2a-5b1d-4c55-9a51-2f0f5b7d9e01");
        }
        JsonNode list = admin().get("/api/v1/hazards/interviews?establishmentId=" + est).json();
        assertThat(list.get("totalElements").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void officersRecordAndSeeOnlyTheirOwnTownsOrDepartmentsInterviews() {
        String tangqiao = known(TANGQIAO, "dept-housing");
        String jinfeng = known(JINFENG, "dept-emergency");

        assertThat(townOfficer(JINFENG).post("/api/v1/hazards/interviews", body(tangqiao)).status()).isEqualTo(403);
        assertThat(viewer().post("/api/v1/hazards/interviews", body(jinfeng)).status()).isEqualTo(403);
        assertThat(enterpriseOfficer(jinfeng).post("/api/v1/hazards/interviews", body(jinfeng)).status())
                .isEqualTo(403);
        Map<String, Object> otherDepartment = body(tangqiao);
        otherDepartment.put("departmentId", "dept-fire");
        assertThat(departmentOfficer("dept-housing").post("/api/v1/hazards/interviews", otherDepartment).status())
                .isEqualTo(400);

        TestHttp.Response byDepartment = departmentOfficer("dept-housing").post("/api/v1/hazards/interviews",
                body(tangqiao));
        assertThat(byDepartment.status()).as(byDepartment.toString()).isEqualTo(201);
        assertThat(admin().post("/api/v1/hazards/interviews", body(jinfeng)).status()).isEqualTo(201);

        JsonNode jinfengList = townOfficer(JINFENG).get("/api/v1/hazards/interviews?size=200").json();
        jinfengList.get("items").forEach(i -> assertThat(i.get("townId").asString()).isEqualTo(JINFENG));
        assertThat(townOfficer(JINFENG).get("/api/v1/hazards/interviews?establishmentId=" + tangqiao).json()
                .get("totalElements").asLong()).isZero();
        JsonNode housing = departmentOfficer("dept-housing").get("/api/v1/hazards/interviews?size=200").json();
        assertThat(housing.get("totalElements").asLong()).isGreaterThanOrEqualTo(1);
        housing.get("items").forEach(i -> assertThat(i.get("departmentId").asString()).isEqualTo("dept-housing"));
        assertThat(viewer().get("/api/v1/hazards/interviews?establishmentId=" + jinfeng).json()
                .get("totalElements").asLong()).isEqualTo(1);
        assertThat(inspector("insp-1").get("/api/v1/hazards/interviews").status()).isEqualTo(403);
        assertThat(admin().get("/api/v1/hazards/interviews?sort=reason,asc").status()).isEqualTo(400);
    }

    @Test
    void theDocumentSaysHeldOnIsAPastDayAndWhatIsRequired() {
        JsonNode docs = anonymous().get("/v3/api-docs").json();
        String ref = docs.at("/paths/~1api~1v1~1hazards~1interviews/post/requestBody/content/application~1json/schema")
                .get("$ref").asString();
        JsonNode request = docs.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
        assertThat(request.at("/properties/heldOn/format").asString()).as(request.toString()).isEqualTo("date");
        assertThat(request.at("/properties/heldOn/x-liuhua-date-bound").asString()).isEqualTo("past-or-present");
        assertThat(request.at("/properties/attendees/minItems").asInt()).isEqualTo(1);
        assertThat(request.get("required").toString())
                .contains("\"establishmentId\"", "\"heldOn\"", "\"reason\"", "\"attendees\"");
    }
}
