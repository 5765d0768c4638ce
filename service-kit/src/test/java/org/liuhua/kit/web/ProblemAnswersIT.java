package org.liuhua.kit.web;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.liuhua.kit.outbox.KitIntegrationTest;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error answer of a service is the kit's problem+json with its type and the trace id the client got in
 * {@code X-Trace-Id}: Spring's own answers (404, 405, 406, 413, 415), binding and validation errors (400, naming the
 * parameter, part or JSON path), public endpoints, the container's error page, and a bug (500, logged).
 */
@ExtendWith(OutputCaptureExtension.class)
class ProblemAnswersIT extends KitIntegrationTest {

    @LocalServerPort
    int port;

    TestHttp anonymous() {
        return new TestHttp("http://127.0.0.1:" + port);
    }

    TestHttp admin() {
        return anonymous().as(TestTokens.user("city-admin", Roles.CITY_ADMIN));
    }

    @Test
    void anIllegalArgumentIsABugA500WithTheTraceIdAndAnErrorLogLineNotA400(CapturedOutput output) {
        TestHttp.Response response = admin().get("/api/v1/probes/illegal");

        assertProblem(response, 500, "internal-error");
        assertThat(response.json().path("detail").asString()).contains("trace id")
                .doesNotContain("a bug in the service");
        String traceId = response.header("X-Trace-Id");
        assertThat(output.getOut()).containsPattern("ERROR.*" + traceId + "[\\s\\S]*IllegalArgumentException");
    }

    @Test
    void anUnknownPathIs404() {
        TestHttp.Response response = admin().get("/api/v1/no-such-thing");

        assertProblem(response, 404, "not-found");
        assertThat(response.json().path("detail").asString()).isEqualTo("no resource at /api/v1/no-such-thing");
    }

    @Test
    void aWrongMethodIs405WithTheAllowedOnes() {
        TestHttp.Response response = admin().delete("/api/v1/probes/dated");

        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.header("Allow")).contains("POST");
    }

    @Test
    void aBodyOfAnotherMediaTypeIs415() {
        TestHttp.Response response = admin().send(admin().request("/api/v1/probes/dated")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")));

        assertProblem(response, 415, "unsupported-media-type");
    }

    @Test
    void anAnswerTheClientDoesNotAcceptIs406AndStillProblemJson() {
        TestHttp.Response response = admin().send(admin().request("/api/v1/probes/csv")
                .setHeader("Accept", "application/json").GET());

        assertProblem(response, 406, "not-acceptable");
    }

    @Test
    void aMissingOrUnreadableParameterIs400NamingIt() {
        TestHttp.Response missing = admin().get("/api/v1/probes/counted");
        assertProblem(missing, 400, "invalid-input");
        assertThat(firstError(missing).path("field").asString()).isEqualTo("count");

        TestHttp.Response wrongType = admin().get("/api/v1/probes/counted?count=many");
        assertProblem(wrongType, 400, "invalid-input");
        assertThat(firstError(wrongType).path("field").asString()).isEqualTo("count");
        assertThat(firstError(wrongType).path("message").asString()).contains("'many'");
    }

    @Test
    void anUnreadableValueInTheBodyNamesItsJsonPathNotTheBody() {
        TestHttp.Response badDate = admin().post("/api/v1/probes/dated",
                Map.of("title", "fence", "deadline", "next tuesday"));
        assertProblem(badDate, 400, "invalid-input");
        assertThat(firstError(badDate).path("field").asString()).isEqualTo("deadline");

        TestHttp.Response nested = admin().post("/api/v1/probes/dated",
                Map.of("title", "fence", "items", List.of(Map.of("name", "a", "due", "2026-12-01"),
                        Map.of("name", "b", "due", "soon"))));
        assertProblem(nested, 400, "invalid-input");
        assertThat(firstError(nested).path("field").asString()).isEqualTo("items[1].due");

        TestHttp.Response cutShort = admin().post("/api/v1/probes/dated", "{\"title\": ");
        assertProblem(cutShort, 400, "invalid-input");
        assertThat(firstError(cutShort).path("field").asString()).isEqualTo("title");

        TestHttp.Response notJson = admin().post("/api/v1/probes/dated", "hello");
        assertProblem(notJson, 400, "invalid-input");
        assertThat(firstError(notJson).path("field").asString()).isEqualTo("body");
    }

    @Test
    void aBodyThatFailsValidationIs400NamingTheField() {
        TestHttp.Response response = admin().post("/api/v1/probes/dated", Map.of("title", " "));

        assertProblem(response, 400, "invalid-input");
        assertThat(firstError(response).path("field").asString()).isEqualTo("title");
    }

    @Test
    void aMultipartRequestWithoutTheFileIs400NamingTheFile() {
        TestHttp.Response response = admin().send(multipart("note", "n.txt", "hello".getBytes()));

        assertProblem(response, 400, "invalid-input");
        assertThat(firstError(response).path("field").asString()).isEqualTo("file");

        assertThat(admin().send(multipart("file", "f.txt", "hello".getBytes())).json().path("size").asInt())
                .isEqualTo(5);
    }

    @Test
    void aMultipartBodyThatCannotBeParsedIs400() {
        String cutShort = "--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhel";
        TestHttp.Response response = admin().send(admin().request("/api/v1/probes/upload")
                .header("Content-Type", "multipart/form-data; boundary=cut")
                .POST(HttpRequest.BodyPublishers.ofString(cutShort)));

        assertProblem(response, 400, "invalid-input");
        assertThat(firstError(response).path("field").asString()).isEqualTo("body");
    }

    @Test
    void anUploadOverTheLimitIs413() {
        TestHttp.Response response = admin().send(multipart("file", "big.bin", new byte[1536]));

        assertProblem(response, 413, "payload-too-large");
    }

    @Test
    void errorsOfPublicEndpointsAreTheSameProblems() {
        TestHttp.Response invalid = anonymous().post("/api/v1/public/probes/dated",
                Map.of("title", "fence", "deadline", "next tuesday"));
        assertProblem(invalid, 400, "invalid-input");
        assertThat(firstError(invalid).path("field").asString()).isEqualTo("deadline");

        TestHttp.Response unknown = anonymous().get("/api/v1/public/no-such-thing");
        assertProblem(unknown, 404, "not-found");
    }

    @Test
    void theContainersErrorPageIsAProblemOfTheSameTrace(CapturedOutput output) {
        TestHttp.Response sent = admin().get("/api/v1/probes/unavailable");
        assertProblem(sent, 503, "service-unavailable");
        assertThat(sent.json().path("instance").asString()).isEqualTo("/api/v1/probes/unavailable");
        assertThat(output.getOut()).containsPattern("ERROR.*" + sent.header("X-Trace-Id"));

        TestHttp.Response direct = anonymous().get("/error");
        assertProblem(direct, 404, "not-found");
    }

    @Test
    void anAbsentOrBadTokenIs401AndAMissingRoleIs403() {
        assertProblem(anonymous().get("/api/v1/probes/counted?count=1"), 401, "unauthorized");
        assertProblem(anonymous().as("not-a-token").get("/api/v1/probes/counted?count=1"), 401, "unauthorized");
        assertProblem(anonymous().as(TestTokens.user("staff", Roles.STAFF)).delete("/api/v1/parcels/p-1"), 403,
                "forbidden");
    }

    private static JsonNode firstError(TestHttp.Response response) {
        return response.json().path("errors").path(0);
    }

    private HttpRequest.Builder multipart(String part, String filename, byte[] content) {
        String boundary = "kit-boundary-7MA4YWxk";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return admin().request("/api/v1/probes/upload")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    static void assertProblem(TestHttp.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString()).isEqualTo("https://liuhua.org/problems/" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("traceId").asString()).as(response.toString()).isNotBlank()
                .isEqualTo(response.header("X-Trace-Id"));
    }
}
