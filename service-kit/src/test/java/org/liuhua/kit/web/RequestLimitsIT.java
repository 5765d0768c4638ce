package org.liuhua.kit.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.outbox.KitIntegrationTest;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liuhua.kit.web.ProblemAnswersIT.assertProblem;

/**
 * The limits every service puts on a request (ADR 10): long strings and large or slow bodies are refused before they
 * cost memory or a thread, control characters in query parameters are a 400 naming the parameter.
 */
class RequestLimitsIT extends KitIntegrationTest {

    @LocalServerPort
    int port;

    final String token = TestTokens.user("city-admin", Roles.CITY_ADMIN);

    TestHttp admin() {
        return new TestHttp("http://127.0.0.1:" + port, token);
    }

    @Test
    void aStringOverTenThousandCharactersIs400NamingItsField() {
        TestHttp.Response top = admin().post("/api/v1/probes/sync",
                Map.of("patrolId", "p-1", "note", "长".repeat(10_001)));
        assertProblem(top, 400, "invalid-input");
        assertThat(firstField(top)).isEqualTo("note");

        TestHttp.Response nested = admin().post("/api/v1/probes/sync", Map.of("patrolId", "p-1",
                "checkIns", List.of(Map.of("establishmentId", "e-1"),
                        Map.of("establishmentId", "e-2", "note", "x".repeat(200_000)))));
        assertProblem(nested, 400, "invalid-input");
        assertThat(firstField(nested)).isEqualTo("checkIns[1].note");

        assertThat(admin().post("/api/v1/probes/sync", Map.of("patrolId", "p-1", "note", "长".repeat(10_000)))
                .status()).isEqualTo(200);
    }

    @Test
    void aBodyDeclaredOverOneMegabyteIs413BeforeItIsRead() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            write(socket, "POST /api/v1/probes/sync HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 20000000\r\n\r\n{\"patrolId\":\"");
            String answer = readAnswer(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains("payload-too-large");
        }
    }

    @Test
    void aChunkedBodyPassingOneMegabyteIs413() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            write(socket, "POST /api/v1/probes/sync HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            Thread sender = daemon(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(chunk("{\"patrolId\":\"p-1\",\"checkIns\":["));
                    String item = "{\"establishmentId\":\"est-jinfeng-0001\",\"note\":\"" + "巡".repeat(300)
                            + "\"},";
                    for (int i = 0; i < 20; i++) {
                        out.write(chunk(item.repeat(70)));
                    }
                } catch (IOException closed) {
                    // the service stopped reading: expected
                }
            });
            String answer = readAnswer(socket.getInputStream());
            sender.join(5_000);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("payload-too-large");
        }
    }

    @Test
    void aBodyTricklingInIsCutOffAfterTheReadTimeoutAndItsConnectionClosed() throws Exception {
        long started = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            write(socket, "POST /api/v1/probes/sync HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"patrolId\":\"");
            Thread trickle = daemon(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        Thread.sleep(300);
                        socket.getOutputStream().write('a');
                        socket.getOutputStream().flush();
                    }
                } catch (IOException | InterruptedException stopped) {
                    // the service closed the connection: expected
                }
            });
            InputStream in = socket.getInputStream();
            String answer = readAnswer(in);
            Duration answeredAfter = Duration.ofNanos(System.nanoTime() - started);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("request-timeout");
            assertThat(answeredAfter).as("body-read-timeout is 3 s in the test").isBetween(Duration.ofMillis(2_900),
                    Duration.ofSeconds(12));
            trickle.join(12_000);
            assertThat(trickle.isAlive()).as("the service closed the connection instead of reading on").isFalse();
        }
    }

    @Test
    void aControlCharacterInAnyQueryParameterIs400NamingIt() {
        TestHttp.Response nul = admin().get("/api/v1/probes/counted?count=1&action=POST%00");
        assertProblem(nul, 400, "invalid-input");
        assertThat(firstField(nul)).isEqualTo("action");
        assertThat(nul.body()).doesNotContain("\\u0000");

        TestHttp.Response newline = admin().get("/api/v1/parcels?label=a%0Ab");
        assertProblem(newline, 400, "invalid-input");
        assertThat(firstField(newline)).isEqualTo("label");

        TestHttp.Response badEscape = admin().get("/api/v1/parcels?label=%E4%B8");
        assertProblem(badEscape, 400, "invalid-input");
        assertThat(firstField(badEscape)).isEqualTo("label");

        assertThat(admin().get("/api/v1/parcels?label=%E9%87%91%E5%B3%B0").status()).isEqualTo(200);
    }

    @Test
    void aQueryParameterOverFiveHundredCharactersIs400NamingIt() {
        TestHttp.Response huge = admin().get("/api/v1/parcels?label=" + "%E9%95%BF".repeat(1_000));
        assertProblem(huge, 400, "invalid-input");
        assertThat(firstField(huge)).isEqualTo("label");
        assertThat(admin().get("/api/v1/parcels?label=" + "%E9%95%BF".repeat(500)).status()).isEqualTo(200);
    }

    @Test
    void aPathTheFirewallRefusesIsAProblemNamingThePath() {
        for (String path : List.of("/api/v1/parcels/..%252F..", "/api/v1/parcels/a;b=c")) {
            TestHttp.Response refused = admin().get(path);
            assertProblem(refused, 400, "invalid-input");
            assertThat(firstField(refused)).as(path).isEqualTo("path");
        }
    }

    @Test
    void sortKeysOutsideTheWhitelistAreA400NamingSortWhateverTheyHold() {
        for (String sort : List.of("%00", "officers.name,desc", "outbox.eventId", "$where", "label,desc,asc",
                "sent%0A,desc", "%E4%B8%AD")) {
            TestHttp.Response response = admin().get("/api/v1/parcels?sort=" + sort);
            assertProblem(response, 400, "invalid-input");
            assertThat(firstField(response)).as(sort).isEqualTo("sort");
        }
        TestHttp.Response huge = admin().get("/api/v1/parcels?size=1000000");
        assertProblem(huge, 400, "invalid-input");
        assertThat(firstField(huge)).isEqualTo("size");
    }

    private static byte[] chunk(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        byte[] head = (Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[head.length + bytes.length + 2];
        System.arraycopy(head, 0, chunk, 0, head.length);
        System.arraycopy(bytes, 0, chunk, head.length, bytes.length);
        chunk[chunk.length - 2] = '\r';
        chunk[chunk.length - 1] = '\n';
        return chunk;
    }

    private static Thread daemon(Runnable work) {
        Thread thread = new Thread(work, "test-client");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String firstField(TestHttp.Response response) {
        return response.json().path("errors").path(0).path("field").asString();
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Reads the status line, the headers and what body arrives with them. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            read.write(buffer, 0, n);
            String text = read.toString(StandardCharsets.UTF_8);
            int headersEnd = text.indexOf("\r\n\r\n");
            if (headersEnd >= 0 && text.indexOf('}', headersEnd) >= 0) {
                break;
            }
        }
        return read.toString(StandardCharsets.UTF_8);
    }
}
