package org.liuhua.reporting.cockpit;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.liuhua.reporting.ReportingIntegrationTest;
import org.liuhua.reporting.projection.ProjectionsChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cockpit page is served open from the jar (with its ECharts webjar and a Content-Security-Policy), its settings
 * name the realm the browser logs in at, and the change stream pushes a hint after every applied batch — to a town
 * officer only when it concerns their town — and is closed to callers without a token.
 */
class CockpitIT extends ReportingIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    ChangeStreams streams;

    String base() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    void thePageItsScriptsAndTheBundledEchartsAreServedWithoutATokenUnderAContentSecurityPolicy() {
        TestHttp anonymous = new TestHttp(base());

        TestHttp.Response page = anonymous.get("/cockpit/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("数字驾驶舱").contains("vendor/echarts/echarts.min.js").doesNotContain("http://", "https://");
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                "connect-src 'self' " + TestTokens.ISSUER.replace("/realms/liuhua", ""));
        assertThat(anonymous.get("/cockpit").status()).isIn(301, 302);

        for (String script : List.of("/cockpit/app.js", "/cockpit/auth.js", "/cockpit/stream.js", "/cockpit/cockpit.css")) {
            assertThat(anonymous.get(script).status()).as(script).isEqualTo(200);
        }
        TestHttp.Response echarts = anonymous.get("/cockpit/vendor/echarts/echarts.min.js");
        assertThat(echarts.status()).isEqualTo(200);
        assertThat(echarts.body()).hasSizeGreaterThan(500_000).contains("echarts");
    }

    @Test
    void theSettingsNameTheRealmAndTheClientThePageLogsInWith() {
        TestHttp.Response config = new TestHttp(base()).get("/cockpit/config.json");

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("issuer").asString()).isEqualTo(TestTokens.ISSUER);
        assertThat(config.json().get("clientId").asString()).isEqualTo("cockpit");
        assertThat(config.json().get("cityName").asString()).isEqualTo("张家港市");
        assertThat(config.json().get("nightlyReload").asString()).isEqualTo("03:00");
        assertThat(config.json().get("streamPath").asString()).isEqualTo("/api/v1/cockpit/stream");
    }

    @Test
    void theStreamNeedsATokenAndAReportingRole() {
        TestHttp anonymous = new TestHttp(base());
        TestHttp inspector = anonymous.as(TestTokens.user("inspector", Roles.INSPECTOR));
        assertThat(anonymous.send(anonymous.request("/api/v1/cockpit/stream").setHeader("Accept", "text/event-stream"))
                .status()).isEqualTo(401);
        assertThat(inspector.send(inspector.request("/api/v1/cockpit/stream").setHeader("Accept", "text/event-stream"))
                .status()).isEqualTo(403);
    }

    @Test
    void aBatchAppliedBecomesAHintOnEveryOpenStreamCutToItsScope() throws Exception {
        Reader city = open(TestTokens.user("cockpit-viewer", Roles.COCKPIT_VIEWER));
        Reader leyu = open(TestTokens.user("town-officer-leyu", List.of(Roles.TOWN_OFFICER), Map.of("town_id", "zjg-leyu")));
        try {
            assertThat(city.contentType).startsWith("text/event-stream");
            await().atMost(Duration.ofSeconds(5)).until(() -> city.lines.contains("event:hello")
                    && leyu.lines.contains("event:hello"));

            events.publishEvent(new ProjectionsChanged(Set.of("hazards"), Set.of("zjg-jinfeng")));
            events.publishEvent(new ProjectionsChanged(Set.of("hazards"), Set.of("zjg-leyu")));

            await().atMost(Duration.ofSeconds(5)).until(() -> city.data("change").stream()
                    .anyMatch(d -> d.contains("zjg-leyu")) && city.data("change").stream().anyMatch(d -> d.contains("zjg-jinfeng")));
            await().atMost(Duration.ofSeconds(5)).until(() -> !leyu.data("change").isEmpty());
            assertThat(leyu.data("change")).allMatch(d -> d.contains("zjg-leyu") && !d.contains("zjg-jinfeng"));
        } finally {
            city.close();
            leyu.close();
        }
        // a page that went away is noticed at the latest when a heartbeat (every 15 s) cannot be written
        await().atMost(Duration.ofSeconds(45)).until(() -> streams.openStreams() == 0);
    }

    /** Reads an event stream line by line in the background. */
    final class Reader {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final String contentType;
        final InputStream body;

        Reader(HttpResponse<InputStream> response) {
            this.contentType = response.headers().firstValue("Content-Type").orElse("");
            this.body = response.body();
            Thread thread = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (Exception ignored) {
                    // closed by the test
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        List<String> data(String event) {
            List<String> found = new CopyOnWriteArrayList<>();
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).equals("event:" + event) && lines.get(i + 1).startsWith("data:")) {
                    found.add(lines.get(i + 1));
                }
            }
            return found;
        }

        void close() throws Exception {
            body.close();
        }
    }

    Reader open(String token) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base() + "/api/v1/cockpit/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return new Reader(response);
    }
}
