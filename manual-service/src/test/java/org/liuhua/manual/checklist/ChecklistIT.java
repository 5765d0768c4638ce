package org.liuhua.manual.checklist;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.liuhua.events.manual.ChecklistItemFailed;
import org.liuhua.events.manual.ChecklistItemPublished;
import org.liuhua.events.manual.ChecklistRunCompleted;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.liuhua.kit.test.TopicProbe;
import org.liuhua.manual.ManualIT;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Checklists (M-6): items with legal basis published as events; a run's failed items published once each. */
class ChecklistIT extends ManualIT {

    @Autowired
    StarterChecklists starter;

    static Map<String, Object> result(String code, String result, String note) {
        return note == null ? Map.of("itemCode", code, "result", result)
                : Map.of("itemCode", code, "result", result, "note", note);
    }

    @Test
    void aSelfCheckWithTwoFailedItemsOneMajorPublishesExactlyTwoFindingsWithStableKeys() {
        String est = knownEstablishment("est-check");
        TestHttp officer = enterpriseOfficer(est);
        try (TopicProbe probe = probe()) {
            TestHttp.Response started = officer.post("/api/v1/checklists/runs", Map.of("establishmentId", est,
                    "source", "ENTERPRISE_SELF_CHECK"));
            assertThat(started.status()).as(started.toString()).isEqualTo(201);
            String runId = started.json().get("id").asString();
            assertThat(started.json().get("items").findValuesAsString("code"))
                    .as("the items for its industry and flags").containsExactly("FX-DUST-03", "FX-DUST-10",
                            "FX-ELEC-01", "FX-FIRE-01");

            TestHttp.Response photo = upload(officer, "/api/v1/checklists/runs/" + runId + "/photos", "dust.png",
                    png(2000));
            assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
            String photoId = photo.json().get("id").asString();
            TestHttp.Response noNote = officer.post("/api/v1/checklists/runs/" + runId + "/results",
                    Map.of("results", List.of(result("FX-DUST-03", "FAIL", null))));
            assertThat(noNote.status()).isEqualTo(400);
            assertThat(noNote.json().get("errors").findValuesAsString("field")).containsExactly("note");
            TestHttp.Response recorded = officer.post("/api/v1/checklists/runs/" + runId + "/results", Map.of(
                    "results", List.of(Map.of("itemCode", "FX-DUST-03", "result", "FAIL", "note", "2号除尘器泄爆片缺失",
                                    "photoId", photoId),
                            result("FX-DUST-10", "PASS", null), result("FX-ELEC-01", "FAIL", "配电箱未接地"),
                            result("FX-FIRE-01", "NOT_APPLICABLE", null))));
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
            TestHttp.Response completed = officer.post("/api/v1/checklists/runs/" + runId + "/complete", "");
            assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
            assertThat(completed.json().get("failed").asInt()).isEqualTo(2);
            assertThat(completed.json().get("majorFailed").asInt()).isEqualTo(1);
            assertThat(officer.post("/api/v1/checklists/runs/" + runId + "/complete", "").status())
                    .as("a completed run is done").isEqualTo(409);
            assertThat(officer.post("/api/v1/checklists/runs/" + runId + "/results", Map.of("results",
                    List.of(result("FX-DUST-10", "FAIL", "x")))).status()).isEqualTo(409);

            List<ChecklistItemFailed> failed = probe.drain(ofType(ChecklistItemFailed.class, runId),
                    Duration.ofSeconds(8)).stream().map(r -> payload(r, ChecklistItemFailed.class)).toList();
            assertThat(failed).as("one event per failed item, no more").hasSize(2);
            ChecklistItemFailed major = failed.stream().filter(f -> f.itemCode().equals("FX-DUST-03")).findFirst()
                    .orElseThrow();
            assertThat(major.findingKey()).isEqualTo(runId + ":FX-DUST-03");
            assertThat(major.severity()).isEqualTo("MAJOR");
            assertThat(major.source()).isEqualTo("ENTERPRISE_SELF_CHECK");
            assertThat(major.category()).isEqualTo("DUST_EXPLOSION");
            assertThat(major.townId()).isEqualTo(JINFENG);
            assertThat(major.departmentId()).isEqualTo("dept-industry");
            assertThat(major.establishmentId()).isEqualTo(est);
            assertThat(major.photoId()).isEqualTo(photoId);
            assertThat(major.description()).contains("泄爆").contains("2号除尘器泄爆片缺失");
            assertThat(major.legalBasis()).isEqualTo("《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（三）项");
            ChecklistItemFailed general = failed.stream().filter(f -> f.itemCode().equals("FX-ELEC-01")).findFirst()
                    .orElseThrow();
            assertThat(general.severity()).isEqualTo("GENERAL");
            assertThat(general.findingKey()).isEqualTo(runId + ":FX-ELEC-01");

            ChecklistRunCompleted summary = payload(probe.await(ofType(ChecklistRunCompleted.class, runId), 1,
                    Duration.ofSeconds(5)).get(0), ChecklistRunCompleted.class);
            assertThat(summary.failed()).isEqualTo(2);
            assertThat(summary.majorFailed()).isEqualTo(1);
            assertThat(summary.passed()).isEqualTo(1);
            assertThat(summary.items()).isEqualTo(4);

            assertThat(officer.send(officer.request("/api/v1/checklists/photos/" + photoId).GET()).status())
                    .isEqualTo(200);
            assertThat(enterpriseOfficer("est-elsewhere").get("/api/v1/checklists/runs/" + runId).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void whoMayCheckDependsOnTheSourceAndUnknownItemsAreNamed() {
        String est = knownEstablishment("est-check");
        assertThat(enterpriseOfficer(est).post("/api/v1/checklists/runs", Map.of("establishmentId", est,
                "source", "GRID_PATROL")).status()).isEqualTo(403);
        assertThat(enterpriseOfficer("est-other").post("/api/v1/checklists/runs", Map.of("establishmentId", est,
                "source", "ENTERPRISE_SELF_CHECK")).status()).isEqualTo(404);
        TestHttp.Response unknown = inspector("insp-1").post("/api/v1/checklists/runs", Map.of("establishmentId", est,
                "source", "GRID_PATROL", "itemCodes", List.of("FX-DUST-03", "NO-SUCH-ITEM")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("itemCodes[1]");

        TestHttp firm = as(TestTokens.client("demo-firm", List.of(Roles.THIRD_PARTY_FIRM)));
        java.time.Instant checkedAt = java.time.Instant.now().minus(java.time.Duration.ofDays(60))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(firm.post("/api/v1/checklists/runs", Map.of("establishmentId", est, "source", "THIRD_PARTY",
                "checkedAt", java.time.Instant.now().plus(java.time.Duration.ofDays(2)).toString())).status())
                .as("not in the future").isEqualTo(400);
        TestHttp.Response oneGo = firm.post("/api/v1/checklists/runs", Map.of("establishmentId", est,
                "source", "THIRD_PARTY", "itemCodes", List.of("FX-CS-01"), "complete", true,
                "results", List.of(result("FX-CS-01", "PASS", null)), "checkedAt", checkedAt.toString()));
        assertThat(oneGo.status()).as(oneGo.toString()).isEqualTo(201);
        assertThat(oneGo.json().get("state").asString()).isEqualTo("COMPLETED");
        assertThat(java.time.Instant.parse(oneGo.json().get("startedAt").asString())).isEqualTo(checkedAt);
        assertThat(townOfficer(JINFENG).get("/api/v1/checklists/runs?establishmentId=" + est).json()
                .get("totalElements").asInt()).isEqualTo(1);
        assertThat(townOfficer(TANGQIAO).get("/api/v1/checklists/runs?establishmentId=" + est).json()
                .get("totalElements").asInt()).isZero();
    }

    @Test
    void theStarterItemsArePublishedOnceAsEventsWithTheirLegalBasis() {
        assertThat(starter.load()).as("loading again publishes nothing new").isZero();
        try (TopicProbe probe = probe()) {
            List<ChecklistItemPublished> published = probe.await(ofType(ChecklistItemPublished.class, null), 5,
                    Duration.ofSeconds(20)).stream().map(r -> payload(r, ChecklistItemPublished.class)).toList();
            assertThat(published).extracting(ChecklistItemPublished::code).containsExactlyInAnyOrder("FX-DUST-03",
                    "FX-DUST-10", "FX-CS-01", "FX-FIRE-01", "FX-ELEC-01");
            ChecklistItemPublished cs = published.stream().filter(p -> p.code().equals("FX-CS-01")).findFirst()
                    .orElseThrow();
            assertThat(cs.legalArticle()).isEqualTo("第十三条");
            assertThat(cs.legalNumber()).isEqualTo("应急管理部令第10号");
            assertThat(cs.major()).isTrue();
        }
        JsonNode majors = inspector("insp-1").get("/api/v1/checklists/items?major=true").json();
        assertThat(majors.get("items").findValuesAsString("code")).containsExactly("FX-CS-01", "FX-DUST-03",
                "FX-DUST-10");
        assertThat(majors.get("items").get(0).get("citation").asString()).contains("第十三条");
    }

    static TestHttp.Response upload(TestHttp http, String path, String filename, byte[] content) {
        String boundary = "----liuhua" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + filename + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return http.send(http.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }
}
