package org.liuhua.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.liuhua.gateway.security.CachingReactiveJwtDecoder;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway over real HTTP, in front of a stub service: token validation (OWASP API2), rate limits (API4), body
 * size, hidden internals (API8/API9), problem+json for every refusal, token relay and trace context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "liuhua.gateway.rate-limit.requests=20", "liuhua.gateway.rate-limit.period=10m",
        "liuhua.gateway.rate-limit.burst=20",
        "liuhua.gateway.public-rate-limit.requests=3", "liuhua.gateway.public-rate-limit.period=1m",
        "liuhua.gateway.public-rate-limit.burst=3",
        "liuhua.gateway.max-body-size=1KB", "liuhua.gateway.max-multipart-body-size=4KB",
        // a slow body is judged after 1 s; a service gets 2 s before the circuit breaker gives up on it
        "liuhua.gateway.slow-body.grace=1s", "resilience4j.timelimiter.configs.default.timeout-duration=2s",
        // in a cluster Spring Boot would believe X-Forwarded-For on its own (forward-headers-strategy NATIVE): the
        // gateway's configuration must switch that off, so the tests run as on Kubernetes
        "spring.main.cloud-platform=kubernetes",
        // the actuator on its own port, as in the cluster (9090) and the local platform (a loopback port)
        "management.server.port=0"})
class GatewayEdgeIT {

    @Autowired
    ReactiveJwtDecoder decoder;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        String stub = StubBackend.url();
        registry.add("GRID_SERVICE_URI", () -> stub);
        registry.add("REPORTING_SERVICE_URI", () -> stub);
        registry.add("HAZARD_SERVICE_URI", () -> "http://127.0.0.1:" + closedPort());
        registry.add("liuhua.security.issuer", () -> TestTokens.ISSUER);
        registry.add("liuhua.security.jwk-set-uri", TestTokens::jwkSetUri);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    TestHttp http() {
        return new TestHttp("http://127.0.0.1:" + port);
    }

    static String tokenFor(String client) {
        return TestTokens.custom(b -> b.subject(UUID.randomUUID().toString()).claim("azp", client)
                .claim("preferred_username", "someone")
                .claim("realm_access", Map.of("roles", List.of("CITY_ADMIN"))));
    }

    static List<String> badTokens() {
        String unsigned = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iss\":\"" + TestTokens.ISSUER
                + "\",\"aud\":\"liuhua-api\",\"sub\":\"x\",\"exp\":" + (Instant.now().getEpochSecond() + 600)
                + ",\"realm_access\":{\"roles\":[\"CITY_ADMIN\"]}}").getBytes(StandardCharsets.UTF_8)) + ".";
        return List.of(
                unsigned,
                TestTokens.custom(b -> b.issuer("http://evil.example/realms/liuhua").subject("x")),
                TestTokens.custom(b -> b.audience("some-other-api").subject("x")),
                TestTokens.custom(b -> b.subject("x").issueTime(Date.from(Instant.now().minusSeconds(7200)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(3600)))),
                TestTokens.signedByOtherKey(b -> b.subject("x")),
                "not-a-jwt-at-all");
    }

    @Test
    void eachServicesOpenApiDocumentIsServedAtTheEntryPoint() {
        TestHttp.Response docs = http().get("/api-docs/grid-service");
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        assertThat(docs.json().get("path").asString()).isEqualTo("/v3/api-docs");
    }

    @ParameterizedTest(name = "bad token #{index} is refused")
    @MethodSource("badTokens")
    void aTokenThatIsUnsignedForeignExpiredOrForAnotherAudienceIsRefusedWith401(String token) {
        TestHttp.Response response = http().as(token).get("/api/v1/establishments/est-jinfeng-0001");

        assertThat(response.status()).isEqualTo(401);
        assertProblem(response, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void everyApiCallWithoutATokenIs401ButThePublicApiIsOpen() {
        TestHttp.Response anonymous = http().get("/api/v1/establishments");
        assertThat(anonymous.status()).isEqualTo(401);
        assertProblem(anonymous, "unauthorized");

        assertThat(http().post("/api/v1/audit", "{}").status()).isEqualTo(401);
        assertThat(http().get("/api/v1/public/reports/ABC").status()).isNotIn(401, 403);
    }

    @Test
    void aPathTheFirewallRefusesIsAProblemNamingThePathForEveryCaller() {
        String token = tokenFor("firewall-" + UUID.randomUUID());
        for (String path : List.of("/api/v1/establishments/..%252F..", "/api/v1/establishments/POST%00%0D%0A")) {
            for (TestHttp caller : List.of(http(), http().as(token))) {
                TestHttp.Response refused = caller.get(path);
                assertThat(refused.status()).as(path).isEqualTo(400);
                assertProblem(refused, "invalid-input");
                assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("path");
            }
        }
    }

    @Test
    void aQueryOfSeveralKilobytesReachesTheService() {
        String token = tokenFor("long-" + UUID.randomUUID());
        TestHttp.Response response = http().as(token).get("/api/v1/establishments?townId="
                + "%E9%95%BF".repeat(1_000));
        assertThat(response.status()).as("relayed to the service, which names the parameter").isEqualTo(200);
    }

    @Test
    void theCockpitPageIsOpenWithoutATokenButItsStreamIsNot() {
        TestHttp.Response page = http().get("/cockpit/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("path").asString()).isEqualTo("/cockpit/index.html");
        assertThat(page.json().path("authorization").isNull()).isTrue();
        assertThat(http().get("/api/v1/cockpit/stream").status()).isEqualTo(401);
    }

    @Test
    void theCockpitStreamIsRelayedEventByEventAndNotCutByTheCircuitBreakersTimeLimit() throws Exception {
        String token = tokenFor("cockpit-" + UUID.randomUUID());
        java.net.http.HttpResponse<java.io.InputStream> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                        + "/api/v1/cockpit/stream")).header("Authorization", "Bearer " + token)
                        .header("Accept", "text/event-stream").build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        long start = System.nanoTime();
        List<Long> arrivals = new java.util.ArrayList<>();
        try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("data:")) {
                    arrivals.add((System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        // each event arrives as it is sent (no buffering), and the stream outlives the 10 s time limiter
        assertThat(arrivals).hasSize(12);
        assertThat(arrivals.get(0)).isLessThan(1500);
        assertThat(arrivals.get(11) - arrivals.get(0)).isGreaterThan(10_000);
    }

    @Test
    void aValidTokenIsRelayedUnchangedAndTheTraceContinues() {
        String token = tokenFor("relay-" + UUID.randomUUID());
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        TestHttp.Response response = http().as(token).send(http().as(token)
                .request("/api/v1/establishments/est-jinfeng-0001")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").GET());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("authorization").asString()).isEqualTo("Bearer " + token);
        assertThat(response.json().path("path").asString()).isEqualTo("/api/v1/establishments/est-jinfeng-0001");
        String relayed = response.json().path("traceparent").asString();
        assertThat(relayed).startsWith("00-" + traceId + "-").doesNotContain("00f067aa0ba902b7");
        assertThat(response.header("X-Trace-Id")).isEqualTo(traceId);
    }

    @Test
    void aTokenThatPassedIsKeptUntilItExpiresWhileOthersAreStillChecked() {
        assertThat(decoder).isInstanceOf(CachingReactiveJwtDecoder.class);
        String token = tokenFor("kept-" + UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            TestHttp.Response response = http().as(token).get("/api/v1/establishments/est-jinfeng-0001");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("authorization").asString()).isEqualTo("Bearer " + token);
        }
        for (String bad : badTokens()) {
            assertThat(http().as(bad).get("/api/v1/establishments/est-jinfeng-0001").status()).isEqualTo(401);
        }
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
        assertThat(http().as(tampered).get("/api/v1/establishments/est-jinfeng-0001").status()).isEqualTo(401);
    }

    @Test
    void aTraceIsStartedWhenTheCallerSendsNone() {
        TestHttp.Response response = http().as(tokenFor("trace-" + UUID.randomUUID())).get("/api/v1/towns");

        assertThat(response.json().path("traceparent").asString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(response.json().path("traceparent").asString()).contains(response.header("X-Trace-Id"));
    }

    @Test
    void aClientOverItsRateIsRefusedWith429AndRetryAfterWhileOtherClientsGoOn() {
        String greedy = tokenFor("greedy-" + UUID.randomUUID());
        List<Integer> statuses = new ArrayList<>();
        TestHttp.Response refused = null;
        for (int i = 0; i < 25; i++) {
            TestHttp.Response response = http().as(greedy).get(i % 2 == 0 ? "/api/v1/towns" : "/%61pi/v1/towns");
            statuses.add(response.status());
            if (response.status() == 429 && refused == null) {
                refused = response;
            }
        }

        assertThat(statuses.subList(0, 20)).containsOnly(200);
        assertThat(statuses.subList(20, 25)).containsOnly(429);
        assertProblem(refused, "rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(http().as(tokenFor("modest-" + UUID.randomUUID())).get("/api/v1/towns").status())
                .isEqualTo(200);
    }

    @Test
    void thePublicApiHasATighterLimitPerAddress() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(http().get("/api/v1/public/reports/R-" + i).status());
        }

        assertThat(statuses).contains(429);
        assertThat(statuses.indexOf(429)).isLessThanOrEqualTo(3);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        String token = tokenFor("upload-" + UUID.randomUUID());
        String big = "{\"text\":\"" + "x".repeat(2048) + "\"}";

        TestHttp.Response declared = http().as(token).post("/api/v1/establishments", big);
        assertThat(declared.status()).isEqualTo(413);
        assertProblem(declared, "payload-too-large");

        TestHttp.Response small = http().as(token).post("/api/v1/establishments", "{\"text\":\"ok\"}");
        assertThat(small.status()).isEqualTo(200);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() {
        String token = tokenFor("chunked-" + UUID.randomUUID());
        byte[] big = ("{\"text\":\"" + "x".repeat(4096) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = http().as(token).request("/api/v1/establishments")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));

        TestHttp.Response response = http().send(request);

        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void onlyTheProbesAnswerOnTheGatewaysPortAndMetricsOnlyOnTheManagementPort() {
        assertThat(http().get("/livez").status()).isEqualTo(200);
        assertThat(http().get("/readyz").status()).isEqualTo(200);
        for (String hidden : List.of("/actuator", "/actuator/health", "/actuator/prometheus", "/actuator/env",
                "/actuator/info", "/actuator/gateway/routes", "/fallback/grid-service",
                "/api/v1/establishments/../../actuator/env", "/%61ctuator/prometheus", "/actuator;x=1/prometheus",
                "/ACTUATOR/prometheus")) {
            TestHttp.Response response = http().get(hidden);
            assertThat(response.status()).as(hidden).isEqualTo(404);
        }
        TestHttp.Response serviceActuator = http().as(tokenFor("probe-" + UUID.randomUUID()))
                .get("/api/v1/establishments/actuator/env");
        assertThat(serviceActuator.status()).isEqualTo(404);
        assertProblem(serviceActuator, "not-found");

        TestHttp management = new TestHttp("http://127.0.0.1:" + managementPort);
        assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
        TestHttp.Response metrics = management.send(management.request("/actuator/prometheus")
                .setHeader("Accept", "text/plain").GET());
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"gateway\"");
    }

    @Test
    void theErrorPathAndUnknownPathsAre404ProblemJsonNever500() {
        for (String path : List.of("/error", "/error/", "/error?status=500", "/api/v1/error", "/api/v1",
                "/api/v1/", "/favicon.ico")) {
            TestHttp.Response response = http().as(tokenFor("lost-" + UUID.randomUUID())).get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertProblem(response, "not-found");
            TestHttp.Response posted = http().post(path, "{}");
            assertThat(posted.status()).as("POST " + path).isIn(401, 404);
        }
        assertThat(http().get("/%2e%2e/error").status()).isLessThan(500);
    }

    // ---- client address and rate limits (issue 13, item 2) ----

    @Test
    void twoUsersOfTheSameAppHaveABudgetEach() {
        String app = "inspector-app-" + UUID.randomUUID();
        String first = tokenFor(app);
        for (int i = 0; i < 20; i++) {
            assertThat(http().as(first).get("/api/v1/towns").status()).isEqualTo(200);
        }
        assertThat(http().as(first).get("/api/v1/towns").status()).isEqualTo(429);

        assertThat(http().as(tokenFor(app)).get("/api/v1/towns").status())
                .as("another inspector on the same app").isEqualTo(200);
    }

    @Test
    void aClientCredentialsSystemHasOneBudgetWhateverSubjectItsTokensCarry() {
        String firm = "firm-" + UUID.randomUUID();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            String token = TestTokens.custom(b -> b.subject(UUID.randomUUID().toString()).claim("azp", firm)
                    .claim("client_id", firm).claim("preferred_username", "service-account-" + firm)
                    .claim("realm_access", Map.of("roles", List.of("THIRD_PARTY_FIRM"))));
            statuses.add(http().as(token).get("/api/v1/towns").status());
        }
        assertThat(statuses.subList(0, 20)).containsOnly(200);
        assertThat(statuses.subList(20, 22)).containsOnly(429);
    }

    @Test
    void anAnonymousCallerRotatingXForwardedForDoesNotGetANewBudget() {
        List<Integer> statuses = new ArrayList<>();
        TestHttp.Response refused = null;
        for (int i = 0; i < 6; i++) {
            TestHttp.Response response = http().send(http().request("/api/v1/public/reports/R-" + i)
                    .header("X-Forwarded-For", "198.51.100." + (i + 1))
                    .header("Forwarded", "for=198.51.100." + (i + 1)).GET());
            statuses.add(response.status());
            refused = response.status() == 429 ? response : refused;
        }

        assertThat(statuses).as("public limit is 3 per address").contains(429);
        assertThat(statuses.indexOf(429)).isLessThanOrEqualTo(3);
        assertProblem(refused, "rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
    }

    @Test
    void theServiceSeesTheCallersAddressAppendedByTheGatewayAndNoForgedHop() {
        TestHttp.Response response = http().send(http().as(tokenFor("addr-" + UUID.randomUUID()))
                .request("/api/v1/towns")
                .header("X-Forwarded-For", "203.0.113.9")
                .header("Forwarded", "for=203.0.113.9;proto=https")
                .header("X-Real-IP", "203.0.113.9")
                .header("X-Forwarded-Host", "evil.example").GET());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("X-Forwarded-For").asString()).isEqualTo("127.0.0.1");
        assertThat(response.json().path("X-Forwarded-Host").asString()).isEqualTo("127.0.0.1:" + port);
        assertThat(response.json().path("X-Forwarded-Proto").asString()).isEqualTo("http");
        assertThat(response.json().path("Forwarded").isNull()).isTrue();
        assertThat(response.json().path("X-Real-IP").isNull()).isTrue();
    }

    // ---- limits and timeouts (issue 13, item 8) ----

    @Test
    void theIdempotencyKeyIsRelayedAndTheReplayMarkerReturned() {
        String key = UUID.randomUUID().toString();
        TestHttp.Response response = http().as(tokenFor("idem-" + UUID.randomUUID()))
                .post("/api/v1/establishments", "{\"text\":\"ok\"}", Map.of("Idempotency-Key", key));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("Idempotency-Key").asString()).isEqualTo(key);
        assertThat(response.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aWriteTheServiceDoesNotAnswerInTimeIs504SayingItMayHaveBeenAppliedAndHowToRetry() {
        long started = System.nanoTime();
        TestHttp.Response response = http().as(tokenFor("sync-" + UUID.randomUUID()))
                .post("/api/v1/patrols/sync", "{\"checkIns\":[]}", Map.of("Idempotency-Key", "k-1"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).isEqualTo(504);
        assertProblem(response, "gateway-timeout");
        assertThat(response.json().path("service").asString()).isEqualTo("grid-service");
        assertThat(response.json().path("mayHaveBeenApplied").asBoolean()).isTrue();
        assertThat(response.json().path("detail").asString()).contains("may still have been applied")
                .contains("Idempotency-Key");
        assertThat(took).isLessThan(Duration.ofMillis(StubBackend.SLOW_MILLIS));
    }

    @Test
    void aBodyTricklingInIsCutOffWith408AndTheConnectionClosed() throws Exception {
        String token = tokenFor("slow-" + UUID.randomUUID());
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/v1/establishments HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            StringBuilder answer = new StringBuilder();
            var in = socket.getInputStream();
            boolean closed = false;
            // a byte every 500 ms, reading whatever comes back in between
            for (int i = 0; i < 20 && !closed; i++) {
                try {
                    out.write('{');
                    out.flush();
                } catch (IOException reset) {
                    closed = true;
                    break;
                }
                long until = System.nanoTime() + 500_000_000L;
                while (System.nanoTime() < until) {
                    if (in.available() > 0) {
                        int n = in.read();
                        if (n < 0) {
                            closed = true;
                            break;
                        }
                        answer.append((char) n);
                    } else {
                        Thread.sleep(20);
                    }
                }
                if (answer.indexOf("\r\n\r\n") > 0 && answer.indexOf("}") > 0) {
                    // the answer is complete: the server must now close the connection
                    socket.setSoTimeout(3000);
                    try {
                        int n;
                        while ((n = in.read()) >= 0) {
                            answer.append((char) n);
                        }
                        closed = true;
                    } catch (java.net.SocketTimeoutException stillOpen) {
                        break;
                    }
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(answer.toString()).as(answer.toString()).startsWith("HTTP/1.1 408")
                    .contains("application/problem+json").contains("https://liuhua.org/problems/request-timeout");
            assertThat(closed).as("connection closed").isTrue();
            assertThat(took).isLessThan(Duration.ofSeconds(6));
        }
    }

    @Test
    void aMultipartUploadMayBeLargerThanAJsonBodyButHasItsOwnLimit() {
        String token = tokenFor("multipart-" + UUID.randomUUID());
        String boundary = "liuhua-boundary";
        java.util.function.IntFunction<String> multipart = size -> "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n" + "x".repeat(size) + "\r\n--" + boundary + "--\r\n";

        TestHttp.Response photo = http().send(http().as(token).request("/api/v1/establishments/import")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart.apply(2048))));
        assertThat(photo.status()).as("2 KB photo, JSON limit 1 KB, multipart limit 4 KB").isEqualTo(200);

        TestHttp.Response tooBig = http().send(http().as(token).request("/api/v1/establishments/import")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart.apply(8192))));
        assertThat(tooBig.status()).isEqualTo(413);
        assertProblem(tooBig, "payload-too-large");
    }

    @Test
    void anUnknownPathIs404ProblemJson() {
        TestHttp.Response response = http().as(tokenFor("lost-" + UUID.randomUUID())).get("/api/v1/no-such-thing");

        assertThat(response.status()).isEqualTo(404);
        assertProblem(response, "not-found");
        assertThat(http().get("/nothing/here").status()).isEqualTo(404);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aGetToAServiceThatRefusesConnectionsIsTriedThreeTimesThen503WithoutAnError(CapturedOutput output) {
        long started = System.nanoTime();
        TestHttp.Response response = http().as(tokenFor("retry-" + UUID.randomUUID())).get("/api/v1/hazards/h-2");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).isEqualTo(503);
        assertProblem(response, "service-unavailable");
        // two retries after 100 and 200 ms, inside the circuit breaker, before its fallback answers
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(10));
        // a retry outside the circuit breaker came after the fallback's answer and failed on the committed response
        assertThat(output.getAll()).doesNotContain("already committed").doesNotContain("UnsupportedOperationException");
    }

    @Test
    void aServiceThatIsDownAnswers503ProblemJsonQuickly() {
        long started = System.nanoTime();
        TestHttp.Response response = http().as(tokenFor("down-" + UUID.randomUUID())).get("/api/v1/hazards/h-1");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("service").asString()).isEqualTo("hazard-service");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertProblem(response, "service-unavailable");
        assertThat(response.json().path("traceId").asString()).isEqualTo(response.header("X-Trace-Id"));
    }

    @Test
    void aWrongMethodOnTheGatewaysOwnEndpointIs405ProblemJson() {
        TestHttp.Response response = http().delete("/readyz");

        assertThat(response.status()).isEqualTo(405);
        assertProblem(response, "method-not-allowed");
        assertThat(response.header("Allow")).contains("GET");
    }

    private static void assertProblem(TestHttp.Response response, String type) {
        assertThat(response.contentType()).as(response.headers() + " " + response.body()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).as(response.body()).isEqualTo("https://liuhua.org/problems/" + type);
        assertThat(response.json().path("status").asInt()).isEqualTo(response.status());
        assertThat(response.json().path("traceId").asString()).isNotBlank();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
