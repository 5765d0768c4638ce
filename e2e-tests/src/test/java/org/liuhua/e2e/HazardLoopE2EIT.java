package org.liuhua.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 5 through the gateway with the demo identities and real Keycloak tokens: the town officer reports and
 * transfers, the enterprise officer rectifies (all five parts), the grid inspector reviews (a failed review sends it
 * back), the town records enforcement and closes; a major hazard closes only with the town's supervision order and
 * the supervising department's sign-off.
 */
class HazardLoopE2EIT {

    static TestHttp town;
    static TestHttp enterprise;
    static TestHttp inspector;
    static TestHttp department;
    static TestHttp admin;

    @BeforeAll
    static void identities() {
        DemoFixture.ensure();
        town = RunningPlatform.gatewayAs(RunningPlatform.userToken("town-officer"));
        enterprise = RunningPlatform.gatewayAs(RunningPlatform.userToken("enterprise-officer"));
        inspector = RunningPlatform.gatewayAs(RunningPlatform.userToken("inspector"));
        department = RunningPlatform.gatewayAs(RunningPlatform.userToken("department-officer"));
        admin = RunningPlatform.gateway();
    }

    @Test
    void aHazardGoesThroughTheWholeLoopToClosedWithAFailedReviewOnTheWay() {
        JsonNode reported = expect(201, town.post("/api/v1/hazards", Map.of("establishmentId", "est-jinfeng-0001",
                "townId", "zjg-jinfeng", "category", "MACHINERY_GUARDING", "source", "LAW_ENFORCEMENT",
                "description", "设备传动部位防护罩缺失 " + System.nanoTime())));
        String path = "/api/v1/hazards/" + reported.get("id").asString();
        assertThat(reported.get("state").asString()).isEqualTo("REPORTED");

        expect(200, town.post(path + "/transfer", Map.of("toEstablishment", true, "note", "移交企业整改")));

        TestHttp.Response incomplete = enterprise.post(path + "/rectify", Map.of("measures", "加装防护罩",
                "deadline", LocalDate.now().plusDays(10).toString(), "contingencyPlan", "停机挂牌"));
        assertThat(incomplete.status()).as(incomplete.toString()).isEqualTo(400);
        assertThat(incomplete.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("responsiblePerson", "fundsCny");

        TestHttp.Response illegal = town.post(path + "/close", Map.of("note", "too early"));
        assertThat(illegal.status()).as(illegal.toString()).isEqualTo(409);
        assertThat(illegal.contentType()).startsWith("application/problem+json");
        assertThat(illegal.json().get("currentState").asString()).isEqualTo("TRANSFERRED");
        assertThat(illegal.json().get("allowedCommands").toString()).contains("rectify");

        expect(200, enterprise.post(path + "/rectify", rectification()));
        // the inspector's scope (their units' establishments) reaches hazard-service by grid events
        await().atMost(Duration.ofSeconds(30)).until(() -> inspector.get(path).status() == 200);
        JsonNode failed = expect(200, inspector.post(path + "/review", Map.of("passed", false,
                "note", "防护罩未固定，需重新整改")));
        assertThat(failed.get("state").asString()).isEqualTo("RECTIFYING");

        expect(200, enterprise.post(path + "/rectify", rectification()));
        assertThat(expect(200, inspector.post(path + "/review", Map.of("passed", true, "note", "复核通过")))
                .get("state").asString()).isEqualTo("ENFORCEMENT");
        expect(200, town.post(path + "/enforce", Map.of("kind", "NONE", "note", "一般隐患，已整改")));
        JsonNode closed = expect(200, town.post(path + "/close", Map.of("note", "销号")));
        assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("reviewedBy").asString()).isNotEqualTo(closed.get("reportedBy").asString());
        assertThat(expect(200, town.get(path + "/verify")).get("intact").asBoolean()).isTrue();
    }

    @Test
    void aMajorHazardClosesOnlyWithTheSupervisionOrderAndTheDepartmentsSignOff() {
        JsonNode reported = expect(201, town.post("/api/v1/hazards", Map.of("establishmentId", "est-jinfeng-0002",
                "townId", "zjg-jinfeng", "category", "BUILDING_STRUCTURE", "severity", "MAJOR",
                "source", "LAW_ENFORCEMENT", "description", "脚手架基础沉降、连墙件缺失 " + System.nanoTime())));
        String path = "/api/v1/hazards/" + reported.get("id").asString();
        expect(200, town.post(path + "/transfer", Map.of("toEstablishment", true, "departmentId", "dept-housing",
                "note", "移交住建局")));
        expect(200, department.post(path + "/acknowledge", Map.of("note", "住建局报到")));
        // 督办在先: the supervision order comes before the rectification of a major hazard
        expect(200, town.post(path + "/supervision-order", Map.of("orderNumber", "张安委督〔2026〕12号")));
        expect(200, admin.post(path + "/rectify", rectification()));
        await().atMost(Duration.ofSeconds(30)).until(() -> inspector.get(path).status() == 200);
        expect(200, inspector.post(path + "/review", Map.of("passed", true, "note", "复核通过")));
        expect(200, town.post(path + "/enforce", Map.of("kind", "PENALTY", "penaltyAmountCny", 30000,
                "caseNumber", "张应急罚〔2026〕188号")));

        TestHttp.Response notYet = town.post(path + "/close", Map.of("note", "销号"));
        assertThat(notYet.status()).as(notYet.toString()).isEqualTo(409);
        expect(200, department.post(path + "/sign-off", Map.of("note", "审核把关")));
        assertThat(expect(200, town.post(path + "/close", Map.of("note", "销号"))).get("state").asString())
                .isEqualTo("CLOSED");
    }

    /**
     * G-5/H-8 across grid- and hazard-service (ADR 0012): the inspector's app uploads a photo to hazard-service's
     * evidence store, syncs the patrol with the photo's id on the finding, and the hazard the finding becomes (or
     * joins) holds the photo as BEFORE evidence.
     */
    @Test
    void aPatrolFindingsPhotoBecomesEvidenceOfItsHazard() {
        String run = String.valueOf(System.nanoTime());
        JsonNode photo = expect(201, upload(inspector, "/api/v1/evidence", png()));
        String photoId = photo.get("evidenceId").asString();
        assertThat(photo.get("hazardId").isNull()).isTrue();
        Instant start = Instant.now().minus(Duration.ofHours(1));
        Map<String, Object> patrol = Map.of("id", "patrol-photo-" + run, "unitId", "zjg-jinfeng-v01-g1-u1",
                "startedAt", start.toString(), "completedAt", start.plusSeconds(1800).toString(),
                "findings", List.of(Map.of("id", "f-photo-" + run, "establishmentId", "est-jinfeng-0001",
                        "category", "ELECTRICAL", "severity", "GENERAL", "description", "配电箱门损坏、线路裸露",
                        "deviceTime", start.plusSeconds(600).toString(), "photoIds", List.of(photoId))));
        // the inspector's binding reaches grid-service's patrol checks through its own events
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> inspector.post("/api/v1/patrols/sync", patrol).status() == 200);

        String path = "/api/v1/evidence/" + photoId;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> admin.get(path).status() == 200);
        JsonNode evidence = admin.get(path).json();
        assertThat(evidence.get("phase").asString()).isEqualTo("BEFORE");
        JsonNode hazard = expect(200, admin.get("/api/v1/hazards/" + evidence.get("hazardId").asString()));
        assertThat(hazard.get("evidenceIds").toString()).contains(photoId);
        assertThat(hazard.get("establishmentId").asString()).isEqualTo("est-jinfeng-0001");
    }

    /**
     * H-7 across the running platform: when a firm's finding changes state, hazard-service reads its own published
     * event, queues a delivery and POSTs it, signed, to the endpoint the firm registered — here a real receiver on
     * the one loopback port the test platform lets a webhook name (every other loopback port stays refused, see
     * Api7ServerSideRequestForgeryE2EIT). The receiver checks the HMAC signature as a firm would.
     */
    @Test
    void aFirmsWebhookReceivesASignedNotificationWhenItsFindingChangesState() throws Exception {
        java.util.concurrent.BlockingQueue<Map<String, String>> received =
                new java.util.concurrent.LinkedBlockingQueue<>();
        String hookPath = "/liuhua/hooks-" + System.nanoTime();
        RunningPlatform.WEBHOOK_RECEIVER.createContext(hookPath, exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Map<String, String> request = new LinkedHashMap<>();
            request.put("body", body);
            for (String header : List.of("X-Liuhua-Event", "X-Liuhua-Timestamp", "X-Liuhua-Signature",
                    "X-Liuhua-Delivery")) {
                request.put(header, String.valueOf(exchange.getRequestHeaders().getFirst(header)));
            }
            received.add(request);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        try {
            String secret = "demo-firm-webhook-secret-2026";
            TestHttp firm = RunningPlatform.gatewayAs(RunningPlatform.clientToken("demo-firm", "demo-firm-secret"));
            // an establishment of its own: the others are outside the demo firm's contracts for other tests
            String establishmentId = "est-leyu-hook-" + System.nanoTime();
            DemoFixture.establishment(admin, establishmentId, "zjg-leyu", "dept-industry", "乐余精密铸造有限公司");
            expect(201, admin.post("/api/v1/contracts", Map.of("firmId", "demo-firm", "establishmentIds",
                    List.of(establishmentId), "validFrom", LocalDate.now().minusDays(1).toString(),
                    "validTo", LocalDate.now().plusYears(1).toString())));
            expect(200, firm.put("/api/v1/firms/demo-firm/webhook", Map.of("url",
                    "http://127.0.0.1:" + RunningPlatform.WEBHOOK_RECEIVER_PORT + hookPath, "secret", secret)));
            String externalId = "HK-E2E-" + System.nanoTime();
            Map<String, Object> item = Map.of("externalId", externalId, "establishmentId", establishmentId,
                    "townId", "zjg-leyu", "category", "CONFINED_SPACE",
                    "description", "有限空间作业未设置警示标志 " + externalId);
            // hazard-service learns of the new establishment from grid's event: until then the item is refused
            JsonNode[] pushed = new JsonNode[1];
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                pushed[0] = expect(200, firm.post("/api/v1/intake/findings", Map.of("findings", List.of(item))));
                return !pushed[0].get("items").get(0).get("status").asString().equals("REJECTED");
            });
            String hazardId = pushed[0].get("items").get(0).get("hazardId").asString();
            assertThat(pushed[0].get("items").get(0).get("status").asString()).isEqualTo("CREATED");
            expect(200, admin.post("/api/v1/hazards/" + hazardId + "/transfer", Map.of("toEstablishment", true)));

            Map<String, String> transferred = null;
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (transferred == null && System.nanoTime() < until) {
                Map<String, String> next = received.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                if (next != null && next.get("X-Liuhua-Event").equals("liuhua.hazard.transferred.v1")
                        && next.get("body").contains(hazardId)) {
                    transferred = next;
                }
            }
            assertThat(transferred).as("a signed notification of the transfer reached the firm's endpoint")
                    .isNotNull();
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "HmacSHA256"));
            String expected = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(
                    (transferred.get("X-Liuhua-Timestamp") + "." + transferred.get("body"))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(transferred.get("X-Liuhua-Signature")).isEqualTo(expected);

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                for (JsonNode d : firm.get("/api/v1/firms/demo-firm/webhook/deliveries?size=50").json()
                        .path("items")) {
                    if (d.path("hazardId").asString("").equals(hazardId)
                            && d.path("eventType").asString("").equals("liuhua.hazard.transferred.v1")
                            && d.path("state").asString("").equals("DELIVERED")) {
                        return true;
                    }
                }
                return false;
            });
            JsonNode finding = expect(200, firm.get("/api/v1/firms/demo-firm/findings/" + externalId));
            assertThat(finding.get("state").asString()).isEqualTo("TRANSFERRED");
        } finally {
            RunningPlatform.WEBHOOK_RECEIVER.removeContext(hookPath);
        }
    }

    private static TestHttp.Response upload(TestHttp http, String path, byte[] content) {
        String boundary = "----liuhua" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return http.send(http.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static byte[] png() {
        byte[] bytes = new byte[512];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    private static Map<String, Object> rectification() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("measures", "加装并固定防护罩，组织班前教育");
        body.put("responsiblePerson", "李安全");
        body.put("fundsCny", 3500);
        body.put("deadline", LocalDate.now().plusDays(10).toString());
        body.put("contingencyPlan", "整改期间停机挂牌，专人值守");
        return body;
    }

    private static JsonNode expect(int status, TestHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response.json();
    }
}
