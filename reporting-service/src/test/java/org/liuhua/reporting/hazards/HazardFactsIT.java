package org.liuhua.reporting.hazards;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.reporting.ReportingIntegrationTest;
import org.liuhua.reporting.hazards.HazardEvents.Hazard;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.liuhua.events.Topics;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liuhua.reporting.hazards.HazardEvents.send;

/** Events in through the real embedded broker → facts and counters → statistics, in every report scope. */
class HazardFactsIT extends ReportingIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;
    @Autowired
    CityCalendar calendar;
    @Autowired
    EmbeddedKafkaBroker broker;

    TestHttp city() {
        return HazardEvents.as(port, Roles.COCKPIT_VIEWER);
    }

    TestHttp townOfficer(String town) {
        return HazardEvents.as(port, Roles.TOWN_OFFICER, Caller.CLAIM_TOWN, town);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    JsonNode townRow(TestHttp api, String town) {
        for (JsonNode row : api.get("/api/v1/stats/towns?size=200").json().get("items")) {
            if (town.equals(row.get("townId").asString())) {
                return row;
            }
        }
        return null;
    }

    JsonNode townHazards(String town) {
        return townOfficer(town).get("/api/v1/stats/overview").json().get("hazards");
    }

    @Test
    void duplicatesAndStaleEventsLeaveTheFiguresAsTheyAre() throws Exception {
        String town = unique("zjg-dup");
        Hazard a = Hazard.in(town);
        Hazard b = Hazard.in(town);
        Instant t = Instant.parse("2030-03-10T02:00:00Z");
        CloudEvent reported = a.reported(t);
        CloudEvent closed = a.closed(6, t.plusSeconds(86400));
        send(kafka, reported, reported, closed, closed);
        // older revisions after the newer: a transfer (rev 2) and an overdue (rev 3) must not reopen it
        send(kafka, a.event("transferred", "TRANSFERRED", 2, t.plusSeconds(600), Map.of()),
                a.overdue(3, t.plusSeconds(1200)), reported);
        // a second hazard after them proves everything before was consumed
        send(kafka, b.reported(t.plusSeconds(3600)));

        await().atMost(Duration.ofSeconds(60)).until(() -> townHazards(town).get("total").asLong() == 2);
        JsonNode hazards = townHazards(town);
        assertThat(hazards.get("closed").asLong()).isEqualTo(1);
        assertThat(hazards.get("open").asLong()).isEqualTo(1);
        assertThat(hazards.get("overdue").asLong()).isZero();
        assertThat(hazards.get("byState").get("CLOSED").asLong()).isEqualTo(1);
        assertThat(hazards.get("byState").get("REPORTED").asLong()).isEqualTo(1);
        assertThat(hazards.get("byState").has("TRANSFERRED")).isFalse();
        assertThat(hazards.get("closureRate").get("value").asDouble()).isEqualTo(0.5);
        assertThat(hazards.get("closureRate").get("target").asDouble()).isEqualTo(1.0);
        assertThat(hazards.get("closureRate").get("met").asBoolean()).isFalse();
        JsonNode march = month(townOfficer(town), "2030-03");
        assertThat(march.get("reported").asLong()).isEqualTo(2);
        assertThat(march.get("closed").asLong()).isEqualTo(1);
        assertThat(march.get("openAtEnd").asLong()).isEqualTo(1);
        // the overdue milestone (older than the close) still counts: it ended with the close in the same month
        assertThat(march.get("overdueAtEnd").asLong()).isZero();
    }

    @Test
    void twoMonthsOfReportsAndClosuresGiveTheMonthsTheOpenAtAndTheRanking() throws Exception {
        String town = unique("zjg-months");
        // 16:30 UTC on 31 March is 00:30 on 1 April in the city
        Hazard marchOpen = Hazard.in(town).severity("MAJOR");
        Hazard marchClosedInApril = Hazard.in(town);
        Hazard aprilClosed = Hazard.in(town).source("ENTERPRISE_SELF_CHECK");
        Hazard lateNight = Hazard.in(town);
        Hazard overdueInMarch = Hazard.in(town).severity("MAJOR");
        send(kafka,
                marchOpen.reported(Instant.parse("2030-03-02T01:00:00Z")),
                marchClosedInApril.reported(Instant.parse("2030-03-05T01:00:00Z")),
                marchClosedInApril.closed(4, Instant.parse("2030-04-03T01:00:00Z")),
                aprilClosed.reported(Instant.parse("2030-04-01T01:00:00Z")),
                aprilClosed.closed(3, Instant.parse("2030-04-20T01:00:00Z")),
                lateNight.reported(Instant.parse("2030-03-31T16:30:00Z")),
                overdueInMarch.reported(Instant.parse("2030-03-01T01:00:00Z")),
                overdueInMarch.overdue(2, Instant.parse("2030-03-20T01:00:00Z")),
                overdueInMarch.closed(5, Instant.parse("2030-04-25T01:00:00Z")));

        await().atMost(Duration.ofSeconds(60)).until(() -> townHazards(town).get("total").asLong() == 5
                && townHazards(town).get("closed").asLong() == 3);
        TestHttp officer = townOfficer(town);
        JsonNode march = month(officer, "2030-03");
        JsonNode april = month(officer, "2030-04");
        assertThat(march.get("reported").asLong()).isEqualTo(3);
        assertThat(march.get("closed").asLong()).isZero();
        assertThat(march.get("openAtEnd").asLong()).isEqualTo(3);
        assertThat(march.get("overdueAtEnd").asLong()).isEqualTo(1);
        assertThat(march.get("overdueMajorAtEnd").asLong()).isEqualTo(1);
        assertThat(april.get("reported").asLong()).isEqualTo(2);
        assertThat(april.get("selfCheckReported").asLong()).isEqualTo(1);
        assertThat(april.get("closed").asLong()).isEqualTo(3);
        assertThat(april.get("openAtEnd").asLong()).isEqualTo(2);
        assertThat(april.get("overdueAtEnd").asLong()).isZero();
        assertThat(april.get("overdueMajorAtEnd").asLong()).isZero();

        assertThat(openAt(officer, "2030-03-31", town)).isEqualTo(3);
        assertThat(openAt(officer, "2030-04-01", town)).isEqualTo(5);
        assertThat(openAt(officer, "2030-04-03", town)).isEqualTo(4);
        assertThat(openAt(officer, "2030-04-30", town)).isEqualTo(2);
        assertThat(openAt(city(), "2030-04-30", town)).isEqualTo(2);

        JsonNode row = townRow(city(), town);
        assertThat(row.get("total").asLong()).isEqualTo(5);
        assertThat(row.get("openMajor").asLong()).isEqualTo(1);
        assertThat(row.get("closureRate").get("value").asDouble()).isEqualTo(0.6);
        JsonNode list = city().get("/api/v1/stats/hazards?list=open-major&size=200").json();
        assertThat(city().get("/api/v1/stats/hazards?size=200").json()).as("open-major is the default list")
                .isEqualTo(list);
        assertThat(list.get("items").findValuesAsString("hazardId")).contains(marchOpen.id());
        assertThat(officer.get("/api/v1/stats/hazards?list=open-major").json().get("items").findValuesAsString(
                "townId")).containsOnly(town);
    }

    @Test
    void anEscalatedOpenHazardIsOnTheCockpitUntilItIsClosed() throws Exception {
        String town = unique("zjg-esc");
        Hazard escalated = Hazard.in(town);
        Hazard calm = Hazard.in(town);
        Instant t = Instant.parse("2030-06-02T02:00:00Z");
        CloudEvent toTown = escalated.event("escalated", "RECTIFYING", 4, t.plusSeconds(7 * 86400),
                Map.of("level", 2, "target", "TOWN", "reason", "RECTIFICATION_OVERDUE"));
        // delivered twice, and a reward step of the same hazard beside it (not a figure: ignored)
        send(kafka, escalated.reported(t), escalated.overdue(3, t.plusSeconds(86400)), toTown, toTown,
                escalated.event("reward-proposed", "RECTIFYING", 0, t, Map.of("rewardId", escalated.id(),
                        "amountCny", 500)), calm.reported(t));
        await().atMost(Duration.ofSeconds(60)).until(() -> townHazards(town).get("total").asLong() == 2
                && townHazards(town).get("escalated").asLong() == 1);
        assertThat(townRow(city(), town).get("escalated").asLong()).isEqualTo(1);
        JsonNode list = townOfficer(town).get("/api/v1/stats/hazards?list=escalated&size=200").json();
        assertThat(list.get("items").findValuesAsString("hazardId")).containsExactly(escalated.id());
        assertThat(list.get("items").get(0).get("level").asInt()).isEqualTo(2);

        send(kafka, escalated.closed(9, t.plusSeconds(20 * 86400)));
        await().atMost(Duration.ofSeconds(60)).until(() -> townHazards(town).get("escalated").asLong() == 0);
        assertThat(townOfficer(town).get("/api/v1/stats/hazards?list=escalated&size=200").json().get("items")
                .findValuesAsString("hazardId")).isEmpty();
    }

    @Test
    void anAttentionListPagesAcrossTheMonthsOfReportNewestFirst() throws Exception {
        String town = unique("zjg-pages");
        String department = unique("dept-transport");
        List<Hazard> major = new ArrayList<>();
        List<CloudEvent> events = new ArrayList<>();
        Instant[] reported = {Instant.parse("2030-07-03T02:00:00Z"), Instant.parse("2030-08-05T02:00:00Z"),
                Instant.parse("2030-08-20T02:00:00Z"), Instant.parse("2030-09-01T02:00:00Z"),
                Instant.parse("2030-09-01T02:00:00Z")};
        for (Instant at : reported) {
            Hazard h = Hazard.in(town).severity("MAJOR");
            major.add(h);
            events.add(h.reported(at));
        }
        Hazard closed = Hazard.in(town).severity("MAJOR");
        events.add(closed.reported(Instant.parse("2030-09-10T02:00:00Z")));
        events.add(closed.closed(2, Instant.parse("2030-09-11T02:00:00Z")));
        // the August one moves to another department: off its first department's list, onto the new one's
        Hazard moved = major.get(1);
        events.add(moved.event("transferred", "TRANSFERRED", 2, Instant.parse("2030-08-06T02:00:00Z"),
                Map.of("transferredDepartmentId", department)));
        send(kafka, events.toArray(CloudEvent[]::new));
        TestHttp officer = townOfficer(town);
        await().atMost(Duration.ofSeconds(60)).until(() -> townHazards(town).get("total").asLong() == 6
                && officer.get("/api/v1/stats/hazards?size=2").json().get("totalElements").asLong() == 5);

        List<String> newestFirst = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode answer = officer.get("/api/v1/stats/hazards?list=open-major&size=2&page=" + page).json();
            assertThat(answer.get("totalPages").asInt()).isEqualTo(3);
            answer.get("items").forEach(item -> newestFirst.add(item.get("hazardId").asString()));
        }
        List<Hazard> september = major.subList(3, 5).stream()
                .sorted(java.util.Comparator.comparing(Hazard::id)).toList();
        assertThat(newestFirst).containsExactly(september.get(0).id(), september.get(1).id(), major.get(2).id(),
                major.get(1).id(), major.get(0).id());
        List<String> oldestFirst = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            officer.get("/api/v1/stats/hazards?size=2&sort=reportedAt,asc&page=" + page).json().get("items")
                    .forEach(item -> oldestFirst.add(item.get("hazardId").asString()));
        }
        List<String> reversed = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(reversed);
        assertThat(oldestFirst).isEqualTo(reversed);
        assertThat(officer.get("/api/v1/stats/hazards?size=2&page=3").json().get("items")).isEmpty();

        TestHttp transport = HazardEvents.as(port, Roles.DEPARTMENT_OFFICER, Caller.CLAIM_DEPARTMENT, department);
        JsonNode ofDepartment = transport.get("/api/v1/stats/hazards?list=open-major").json();
        assertThat(ofDepartment.get("items").findValuesAsString("hazardId")).containsExactly(moved.id());
        assertThat(ofDepartment.get("items").get(0).get("departmentId").asString()).isEqualTo(department);
        assertThat(HazardEvents.as(port, Roles.DEPARTMENT_OFFICER, Caller.CLAIM_DEPARTMENT, "dept-safety")
                .get("/api/v1/stats/hazards?list=open-major&size=200").json().get("items")
                .findValuesAsString("hazardId")).doesNotContain(moved.id()).contains(major.get(0).id());
    }

    @Test
    void aTownOfficersOverviewIsTheirRowOfTheCitysRanking() throws Exception {
        String town = unique("zjg-rank");
        Hazard closed = Hazard.in(town);
        Hazard open = Hazard.in(town).severity("MAJOR");
        Instant t = Instant.parse("2030-05-02T02:00:00Z");
        send(kafka, closed.reported(t), closed.closed(2, t.plusSeconds(60)), open.reported(t));
        await().atMost(Duration.ofSeconds(60)).until(() -> townRow(city(), town) != null
                && townRow(city(), town).get("closed").asLong() == 1);

        JsonNode row = townRow(city(), town);
        JsonNode own = townHazards(town);
        for (String field : List.of("total", "open", "closed", "overdue", "openMajor", "escalated")) {
            assertThat(own.get(field).asLong()).as(field).isEqualTo(row.get(field).asLong());
        }
        assertThat(own.get("closureRate")).isEqualTo(row.get("closureRate"));
        JsonNode officersTowns = townOfficer(town).get("/api/v1/stats/towns").json();
        assertThat(officersTowns.get("totalElements").asLong()).isEqualTo(1);
        assertThat(officersTowns.get("items").get(0)).isEqualTo(row);
        JsonNode overview = townOfficer(town).get("/api/v1/stats/overview").json();
        assertThat(overview.get("scope").get("kind").asString()).isEqualTo("TOWN");
        assertThat(overview.get("scope").get("townName").asString()).isNotBlank();

        JsonNode page = city().get("/api/v1/stats/towns?size=200").json();
        List<Integer> ranks = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        page.get("items").forEach(r -> {
            ranks.add(r.get("rank").asInt());
            rates.add(r.get("closureRate").get("value").isNull() ? -1 : r.get("closureRate").get("value").asDouble());
        });
        assertThat(ranks).isEqualTo(java.util.stream.IntStream.rangeClosed(1, ranks.size()).boxed().toList());
        assertThat(rates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(city().get("/api/v1/stats/towns?sort=closed").status()).isEqualTo(400);
    }

    @Test
    void aDepartmentOfficerSeesOnlyItsDepartmentsHazards() throws Exception {
        String town = unique("zjg-dept");
        String department = unique("dept-housing");
        Hazard ours = Hazard.in(town).department(department).industry("CHEMICAL");
        Hazard other = Hazard.in(town).department("dept-other");
        Hazard transferredToUs = Hazard.in(town).department("dept-other");
        Instant t = Instant.parse("2030-06-02T02:00:00Z");
        send(kafka, ours.reported(t), other.reported(t), transferredToUs.reported(t),
                transferredToUs.event("transferred", "TRANSFERRED", 2, t.plusSeconds(60),
                        Map.of("transferredDepartmentId", department, "toEstablishment", false)));
        TestHttp officer = HazardEvents.as(port, Roles.DEPARTMENT_OFFICER, Caller.CLAIM_DEPARTMENT, department);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                officer.get("/api/v1/stats/overview").json().get("hazards").get("total").asLong() == 2);

        JsonNode overview = officer.get("/api/v1/stats/overview").json();
        assertThat(overview.get("scope").get("kind").asString()).isEqualTo("DEPARTMENT");
        assertThat(overview.get("scope").get("departmentId").asString()).isEqualTo(department);
        JsonNode towns = officer.get("/api/v1/stats/towns").json();
        assertThat(towns.get("items").findValuesAsString("townId")).containsExactly(town);
        assertThat(towns.get("items").get(0).get("total").asLong()).isEqualTo(2);
        assertThat(officer.get("/api/v1/stats/departments").json().get("items").findValuesAsString("departmentId"))
                .containsExactly(department);
        assertThat(officer.get("/api/v1/stats/industries").json().get("items").findValuesAsString("industry"))
                .containsExactlyInAnyOrder("CHEMICAL", "MACHINERY");
        assertThat(openAt(officer, "2030-06-30", town)).isEqualTo(2);
        assertThat(townRow(city(), town).get("total").asLong()).isEqualTo(3);
    }

    @Test
    void openAtTheLastDayOfLastMonthEqualsTheCountFromTheHistories() throws Exception {
        YearMonth lastMonth = YearMonth.from(calendar.today()).minusMonths(1);
        Instant end = calendar.endOf(lastMonth);
        Instant from = calendar.startOf(lastMonth.minusMonths(1));
        List<String> towns = List.of(unique("zjg-hist-a"), unique("zjg-hist-b"), unique("zjg-hist-c"));
        Map<String, Long> expected = new HashMap<>();
        Random random = new Random(42);
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String town = towns.get(random.nextInt(towns.size()));
            Hazard h = Hazard.in(town);
            long span = end.plusSeconds(20 * 86400).getEpochSecond() - from.getEpochSecond();
            Instant reported = from.plusSeconds((long) (random.nextDouble() * span * 0.8));
            Instant closed = random.nextBoolean() ? reported.plusSeconds(random.nextInt(40 * 86400)) : null;
            events.add(h.reported(reported));
            if (closed != null) {
                events.add(h.closed(3, closed));
            }
            // the history, counted without the service: reported by the end of the day, not closed by then
            if (reported.isBefore(end) && (closed == null || !closed.isBefore(end))) {
                expected.merge(town, 1L, Long::sum);
            }
        }
        java.util.Collections.shuffle(events, random);
        send(kafka, events.toArray(CloudEvent[]::new));
        await().atMost(Duration.ofSeconds(90)).until(() -> towns.stream().mapToLong(t ->
                townHazards(t).get("total").asLong()).sum() == 60);

        String day = lastMonth.atEndOfMonth().toString();
        for (String town : towns) {
            assertThat(openAt(city(), day, town)).as(town).isEqualTo(expected.getOrDefault(town, 0L));
            assertThat(openAt(townOfficer(town), day, town)).as(town).isEqualTo(expected.getOrDefault(town, 0L));
            assertThat(month(townOfficer(town), lastMonth.toString()).get("openAtEnd").asLong()).as(town)
                    .isEqualTo(expected.getOrDefault(town, 0L));
        }
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheBatchGoesOn() throws Exception {
        String town = unique("zjg-poison");
        Map<String, Object> producer = KafkaTestUtils.producerProps(broker);
        try (var raw = new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new ByteArraySerializer())
                .createProducer()) {
            raw.send(new ProducerRecord<>(Topics.HAZARD, "poison-" + town, "不是事件".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8))).get();
        }
        Hazard good = Hazard.in(town);
        Hazard incomplete = Hazard.in(town);
        // an event without a state cannot be kept: retried, then dead-lettered; the one after it still counts
        send(kafka, incomplete.event("reported", "", 1, Instant.parse("2030-09-01T01:00:00Z"), Map.of()),
                good.reported(Instant.parse("2030-09-01T02:00:00Z")));

        await().atMost(Duration.ofSeconds(60)).until(() -> townHazards(town).get("total").asLong() == 1);
        Map<String, Object> consumer = KafkaTestUtils.consumerProps(broker, "dlt-" + town, false);
        consumer.put("auto.offset.reset", "earliest");
        try (var dlt = new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            dlt.subscribe(List.of(Topics.deadLetter(Topics.HAZARD)));
            List<String> keys = new ArrayList<>();
            long until = System.currentTimeMillis() + 30_000;
            while (!(keys.contains("poison-" + town) && keys.contains(incomplete.id()))
                    && System.currentTimeMillis() < until) {
                dlt.poll(Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
            }
            assertThat(keys).contains("poison-" + town, incomplete.id());
        }
    }

    @Test
    void theFiguresNeedAReportingRoleAndSayWhichParameterIsWrong() {
        assertThat(HazardEvents.as(port, Roles.THIRD_PARTY_FIRM).get("/api/v1/stats/overview").status())
                .isEqualTo(403);
        assertThat(HazardEvents.as(port, Roles.TOWN_OFFICER).get("/api/v1/stats/overview").status())
                .as("a town officer without a town").isEqualTo(403);
        assertThat(new TestHttp("http://127.0.0.1:" + port).get("/api/v1/stats/overview").status()).isEqualTo(401);
        assertThat(city().get("/api/v1/admin/rebuild").status()).isEqualTo(403);
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("/api/v1/stats/months?from=2026-13", "from");
        bad.put("/api/v1/stats/months?to=last", "to");
        bad.put("/api/v1/stats/months?from=2026-05&to=2026-01", "from");
        bad.put("/api/v1/stats/open-at?date=2026-02-30", "date");
        bad.put("/api/v1/stats/hazards?list=all", "list");
        bad.forEach((path, parameter) -> {
            TestHttp.Response response = city().get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains("\"" + parameter + "\"");
        });
        JsonNode months = city().get("/api/v1/stats/months").json().get("months");
        assertThat(months.size()).isEqualTo(12);
        assertThat(months.get(11).get("month").asString()).isEqualTo(YearMonth.from(calendar.today()).toString());
    }

    private JsonNode month(TestHttp api, String month) {
        JsonNode rows = api.get("/api/v1/stats/months?from=" + month + "&to=" + month).json().get("months");
        assertThat(rows.size()).isEqualTo(1);
        return rows.get(0);
    }

    private long openAt(TestHttp api, String date, String town) {
        for (JsonNode row : api.get("/api/v1/stats/open-at?date=" + date).json().get("towns")) {
            if (town.equals(row.get("townId").asString())) {
                return row.get("open").asLong();
            }
        }
        return 0;
    }
}
