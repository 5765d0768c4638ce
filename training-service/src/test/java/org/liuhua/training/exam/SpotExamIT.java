package org.liuhua.training.exam;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import org.liuhua.training.TrainingIT;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** 逢查必考 (T-6): reproducible draws with quotas, versioned questions, scoring, events. */
class SpotExamIT extends TrainingIT {

    Map<String, Object> request(String est, String reference, int examinees, int questions,
                                List<Map<String, Object>> quotas) {
        return Map.of("establishmentId", est, "inspectionKind", "GRID_PATROL", "inspectionReference", reference,
                "examinees", examinees, "questionsPerPerson", questions, "quotas", quotas);
    }

    static List<String> papers(JsonNode exam) {
        List<String> out = new ArrayList<>();
        exam.get("papers").forEach(p -> out.add(p.get("staffId").asString() + "=" + p.get("questions")
                .findValuesAsString("questionId")));
        return out;
    }

    @Test
    void theSameInspectionReproducesTheDrawAnotherGivesAnotherAndQuotasHold() throws Exception {
        String est = establishment(JINFENG);
        Set<String> active = new HashSet<>();
        for (int i = 1; i <= 8; i++) {
            active.add(staff(est, "X%02d".formatted(i), "FRONT_LINE", "装配工"));
        }
        for (int i = 1; i <= 2; i++) {
            String gone = staff(est, "L%02d".formatted(i), "FRONT_LINE", "装配工");
            admin().post("/api/v1/training/staff/" + gone + "/departure", Map.of("leftOn", "2026-01-01"));
        }
        staff(establishment(JINFENG), "X01", "FRONT_LINE", "装配工");
        List<Map<String, Object>> quotas = List.of(Map.of("knowledgePoint", "灭火器使用", "count", 2),
                Map.of("difficulty", "HARD", "count", 1));
        String reference = unique("patrol");

        TestHttp.Response first = townOfficer(JINFENG).post("/api/v1/spot-exams", request(est, reference, 3, 5,
                quotas));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode exam = first.json();
        String id = exam.get("id").asString();
        assertThat(exam.get("seed").asString()).hasSize(64);
        List<String> examinees = exam.get("papers").findValuesAsString("staffId");
        assertThat(examinees).hasSize(3).doesNotHaveDuplicates();
        assertThat(active).as("only active staff of that establishment").containsAll(examinees);
        List<Set<String>> sets = new ArrayList<>();
        for (JsonNode paper : exam.get("papers")) {
            List<String> ids = paper.get("questions").findValuesAsString("questionId");
            assertThat(ids).hasSize(5).doesNotHaveDuplicates();
            assertThat(ids).as("no question of another industry or role")
                    .noneMatch(q -> q.startsWith("T-CS") || q.startsWith("T-LAW"));
            long fire = 0;
            long hard = 0;
            for (JsonNode q : paper.get("questions")) {
                fire += q.get("knowledgePoint").asString().equals("灭火器使用") ? 1 : 0;
                hard += q.get("difficulty").asString().equals("HARD") ? 1 : 0;
                assertThat(q.get("answer").isNull()).as("answers hidden before scoring").isTrue();
                assertThat(q.get("questionId").asString()).endsWith("@" + q.get("version").asInt());
            }
            assertThat(fire).isEqualTo(2);
            assertThat(hard).isEqualTo(1);
            sets.add(new HashSet<>(ids));
        }
        assertThat(new HashSet<>(sets)).as("each person a different paper").hasSize(3);

        TestHttp.Response again = townOfficer(JINFENG).post("/api/v1/spot-exams", request(est, reference, 3, 5,
                quotas));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(papers(again.json())).isEqualTo(papers(exam));
        JsonNode replay = admin().get("/api/v1/spot-exams/" + id + "/replay").json();
        assertThat(replay.get("identical").asBoolean()).as(replay.toString()).isTrue();
        assertThat(townOfficer(JINFENG).post("/api/v1/spot-exams", request(est, reference, 2, 5, quotas)).status())
                .as("the same inspection with other parameters").isEqualTo(409);

        JsonNode other = townOfficer(JINFENG).post("/api/v1/spot-exams", request(est, unique("patrol"), 3, 5,
                quotas)).json();
        assertThat(other.get("id").asString()).isNotEqualTo(id);
        assertThat(other.get("seed").asString()).isNotEqualTo(exam.get("seed").asString());
        assertThat(papers(other)).isNotEqualTo(papers(exam));
        assertThat(townOfficer(TANGQIAO).post("/api/v1/spot-exams", request(est, unique("patrol"), 3, 5, quotas))
                .status()).as("another town's officer").isEqualTo(404);

        // an edited question is a new version; the exam keeps the version it asked
        String askedId = exam.get("papers").get(0).get("questions").get(0).get("questionId").asString();
        String code = askedId.substring(0, askedId.indexOf('@'));
        JsonNode current = admin().get("/api/v1/training/questions/" + code).json();
        Map<String, Object> edited = new HashMap<>(TestHttp.JSON.convertValue(current, Map.class));
        edited.put("stem", current.get("stem").asString() + "（修订）");
        TestHttp.Response put = admin().put("/api/v1/training/questions/" + code, edited);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("version").asInt()).isEqualTo(current.get("version").asInt() + 1);
        JsonNode reread = admin().get("/api/v1/spot-exams/" + id).json();
        assertThat(reread.get("papers").get(0).get("questions").get(0).get("questionId").asString())
                .isEqualTo(askedId);
        assertThat(reread.get("papers").get(0).get("questions").get(0).get("stem").asString())
                .doesNotContain("（修订）");
        assertThat(admin().get("/api/v1/spot-exams/" + id + "/replay").json().get("identical").asBoolean())
                .isTrue();

        // answers are scored once and published
        JsonNode paper = exam.get("papers").get(1);
        String examinee = paper.get("staffId").asString();
        Map<String, List<String>> answers = new HashMap<>();
        for (JsonNode q : paper.get("questions")) {
            String type = q.get("type").asString();
            answers.put(q.get("questionId").asString(), type.equals("TRUE_FALSE") ? List.of("A")
                    : type.equals("MULTIPLE_CHOICE") ? List.of("C", "A") : List.of("B"));
        }
        String firstQuestion = paper.get("questions").get(0).get("questionId").asString();
        answers.put(firstQuestion, List.of("D"));
        assertThat(staffMember(examinee, est).get("/api/v1/spot-exams/" + id).status()).isEqualTo(200);
        String bystander = active.stream().filter(s -> !examinees.contains(s)).findFirst().orElseThrow();
        assertThat(staffMember(bystander, est).get("/api/v1/spot-exams/" + id).status()).isEqualTo(404);
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.TRAINING)) {
            TestHttp.Response scored = staffMember(examinee, est).post("/api/v1/spot-exams/" + id + "/papers/"
                    + examinee + "/answers", Map.of("answers", answers));
            assertThat(scored.status()).as(scored.toString()).isEqualTo(200);
            assertThat(scored.json().get("correct").asInt()).isEqualTo(4);
            assertThat(scored.json().get("score").asInt()).isEqualTo(80);
            assertThat(scored.json().get("passed").asBoolean()).isTrue();
            assertThat(scored.json().get("questions").get(0).get("answer").isNull()).isFalse();
            assertThat(probe.await(r -> r.key().equals(id) && r.value().getType()
                    .equals("liuhua.training.spot-exam-paper-scored.v1"), 1, Duration.ofSeconds(30))).hasSize(1);
            assertThat(probe.await(r -> r.key().equals(id) && r.value().getType()
                    .equals("liuhua.training.spot-exam-drawn.v1"), 1, Duration.ofSeconds(10))).hasSize(1);
        }
        assertThat(admin().post("/api/v1/spot-exams/" + id + "/papers/" + examinee + "/answers",
                Map.of("answers", answers)).status()).isEqualTo(409);
    }

    @Test
    void anInspectorExaminesTheEstablishmentsOfTheirBoundUnitsOnly() {
        String town = "zjg-" + unique("ex");
        String est = establishment(town);
        staff(est, "I01", "FRONT_LINE", "装配工");
        String bound = unique("insp");
        publish(org.liuhua.events.Topics.GRID, bound, new org.liuhua.events.grid.InspectorBound(bound, "巡查员",
                "FULL_TIME", town + "-v01-g1-u1", town, java.time.Instant.now(), "town-officer"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(
                new org.springframework.data.mongodb.core.query.Query(org.springframework.data.mongodb.core.query
                        .Criteria.where("_id").is(bound + ":" + town + "-v01-g1-u1")), "inspector_bindings"));
        TestHttp.Response drawn = inspector(bound).post("/api/v1/spot-exams", request(est, unique("patrol"), 1, 3,
                List.of()));
        assertThat(drawn.status()).as(drawn.toString()).isEqualTo(201);
        assertThat(inspector(unique("insp")).post("/api/v1/spot-exams", request(est, unique("patrol"), 1, 3,
                List.of())).status()).as("an inspector of other units").isEqualTo(404);
        assertThat(enterpriseOfficer(est).post("/api/v1/spot-exams", request(est, unique("patrol"), 1, 3,
                List.of())).status()).as("the enterprise does not examine itself").isEqualTo(403);
    }

    @Test
    void anImpossibleQuotaIsRefusedNamingTheRuleAndTheImportNamesBadRows() {
        String est = establishment(JINFENG);
        staff(est, "Q01", "FRONT_LINE", "装配工");
        TestHttp.Response refused = admin().post("/api/v1/spot-exams", request(est, unique("enf"), 1, 5,
                List.of(Map.of("knowledgePoint", "不存在的知识点", "count", 1))));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("rule").asString()).isEqualTo("SPOT_EXAM_QUOTA");
        TestHttp.Response nobody = admin().post("/api/v1/spot-exams", request(establishment(JINFENG),
                unique("enf"), 1, 5, List.of()));
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(nobody.json().get("rule").asString()).isEqualTo("SPOT_EXAM_ACTIVE_STAFF");

        String csv = "编号(code),题型(type),专题(topic),知识点(knowledgePoint),难度(difficulty),题干(stem),"
                + "选项A(A),选项B(B),答案(answer)\n"
                + "IMP-001,SINGLE_CHOICE,消防安全,疏散,EASY,安全出口可以上锁吗？,可以,不可以,B\n"
                + "IMP-002,SINGLE_CHOICE,消防安全,疏散,EASY,疏散通道可以堆放杂物吗？,可以,不可以,\n"
                + "IMP-003,TRUE_FALSE,用电安全,插座,VERY_HARD,可以私拉电线。,正确,错误,B\n";
        TestHttp.Response report = upload(admin(), "/api/v1/training/questions/import", "q.csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.json().get("created").asInt()).isEqualTo(1);
        assertThat(report.json().get("rejected").asInt()).isEqualTo(2);
        assertThat(report.json().get("errors").findValuesAsString("field")).containsExactly("answer", "difficulty");
        assertThat(report.json().get("errors").findValuesAsString("column")).containsExactly("I", "E");
        assertThat(report.json().get("errors").findValues("row").stream().map(JsonNode::asInt).toList())
                .containsExactly(3, 4);
        TestHttp.Response same = upload(admin(), "/api/v1/training/questions/import", "q.csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(same.json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(admin().get("/api/v1/training/questions/T-BAD-001").status())
                .as("an invalid starter question is not loaded").isEqualTo(404);
    }
}
