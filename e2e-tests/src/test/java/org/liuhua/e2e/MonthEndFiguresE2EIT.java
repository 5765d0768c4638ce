package org.liuhua.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11's month-end question through the gateway: "open at the end of a day" per town, as reporting-service
 * answers it from its read models, equals the count computed independently from hazard-service's own ledger (every
 * hazard's report and close times, paged through its list) — for the last day of last month and for today, after
 * hazards were reported, one of them closed, and a town officer's answer is that town's row.
 */
class MonthEndFiguresE2EIT {

    /** The city's calendar (liuhua.zone default). */
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    static TestHttp admin;
    static TestHttp viewer;
    static TestHttp town;

    @BeforeAll
    static void identities() {
        DemoFixture.ensure();
        admin = RunningPlatform.gateway();
        viewer = RunningPlatform.gatewayAs(RunningPlatform.userToken("cockpit-viewer"));
        town = RunningPlatform.gatewayAs(RunningPlatform.userToken("town-officer"));
    }

    @Test
    void openAtTheEndOfADayPerTownEqualsTheCountFromHazardServicesLedger() {
        String mark = Long.toString(System.nanoTime(), 36);
        List<String> ids = new ArrayList<>();
        for (String[] e : List.of(new String[] {"est-jinfeng-0001", "zjg-jinfeng"},
                new String[] {"est-jinfeng-0002", "zjg-jinfeng"}, new String[] {"est-leyu-0001", "zjg-leyu"})) {
            TestHttp.Response created = admin.post("/api/v1/hazards", Map.of("establishmentId", e[0], "townId", e[1],
                    "category", "EVACUATION", "source", "LAW_ENFORCEMENT",
                    "description", "疏散通道堆放杂物 " + mark));
            // 201, or 200 when intake joins it to an open hazard of the same place and kind
            assertThat(created.status()).as(created.toString()).isIn(200, 201);
            ids.add(created.json().get("id").asString());
        }
        LocalDate today = LocalDate.now(CITY);
        LocalDate lastMonthEnd = YearMonth.from(today).minusMonths(1).atEndOfMonth();

        AtomicReference<String> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<JsonNode> ledger = ledger();
            for (LocalDate day : List.of(lastMonthEnd, today)) {
                Map<String, Long> expected = openAt(ledger, day);
                Map<String, Long> answered = answered(viewer, day);
                last.set(day + ": hazard-service " + expected + ", reporting " + answered);
                assertThat(answered).as(last.get()).isEqualTo(expected);
            }
        });
        Map<String, Long> city = answered(viewer, today);
        assertThat(city.get("zjg-jinfeng")).isGreaterThanOrEqualTo(1);
        assertThat(answered(town, today)).as("a town officer's answer is their town's row")
                .isEqualTo(Map.of("zjg-jinfeng", city.get("zjg-jinfeng")));
    }

    /** Every hazard of hazard-service's ledger (its list, paged), as the city admin sees it. */
    static List<JsonNode> ledger() {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            TestHttp.Response response = admin.get("/api/v1/hazards?size=200&page=" + page);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode body = response.json();
            body.get("items").forEach(all::add);
            if (page + 1 >= body.get("totalPages").asInt()) {
                return all;
            }
        }
    }

    /** Open at the end of {@code day} in the city: reported by then and not closed by then, per town. */
    static Map<String, Long> openAt(List<JsonNode> ledger, LocalDate day) {
        Instant end = day.plusDays(1).atStartOfDay(CITY).toInstant();
        Map<String, Long> open = new TreeMap<>();
        for (JsonNode h : ledger) {
            Instant reported = Instant.parse(h.get("reportedAt").asString());
            JsonNode closed = h.get("closedAt");
            boolean closedByThen = closed != null && !closed.isNull() && Instant.parse(closed.asString()).isBefore(end);
            if (reported.isBefore(end) && !closedByThen) {
                open.merge(h.get("townId").asString(), 1L, Long::sum);
            }
        }
        return open;
    }

    /** reporting-service's answer, towns with a count above zero. */
    static Map<String, Long> answered(TestHttp client, LocalDate day) {
        TestHttp.Response response = client.get("/api/v1/stats/open-at?date=" + day);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<String, Long> open = new TreeMap<>();
        response.json().get("towns").forEach(t -> {
            long n = t.get("open").asLong();
            if (n > 0) {
                open.put(t.get("townId").asString(), n);
            }
        });
        return open;
    }
}
