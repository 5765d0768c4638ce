package org.liuhua.e2e.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.liuhua.e2e.RunningPlatform;
import org.liuhua.e2e.faults.Account.Kind;
import org.liuhua.e2e.faults.Account.Result;
import org.liuhua.e2e.faults.TopicWindow.Published;
import org.liuhua.e2e.faults.Writer.Attempt;
import org.liuhua.e2e.faults.Writer.Outcome;
import org.liuhua.events.Topics;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.platform.Platform;
import org.liuhua.platform.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix, process level (issue 13, docs/fault-matrix.md): each row breaks a part of the running platform
 * while clients write, then compares what the clients were told with what the services stored and published and
 * what reporting-service counts ({@link Account}) — nothing lost, nothing applied twice, the figures a clean run
 * gives. The rows share the one platform of the test JVM and run one after another.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultMatrixE2EIT {

    /** How long a restarted process may take to be ready ({@code liuhua.e2e.restartSeconds}; a crowded machine needs more). */
    static final Duration READY = Duration.ofSeconds(Long.getLong("liuhua.e2e.restartSeconds", 180));
    static final Duration SETTLE = Duration.ofSeconds(120);

    static Platform platform;

    @BeforeAll
    static void platform() {
        platform = RunningPlatform.get();
        FaultFixture.ensure();
    }

    /** Every row starts on a whole platform, also when the row before it failed half-way through its fault. */
    @BeforeEach
    void wholePlatform() {
        if (!platform.kafka().running()) {
            platform.kafka().start();
        }
        if (!platform.mongo().running()) {
            platform.mongo().start();
        }
        List<ServiceProcess> processes = new ArrayList<>();
        Platform.SERVICES.forEach(s -> processes.add(platform.service(s)));
        processes.add(platform.service("gateway"));
        for (ServiceProcess process : processes) {
            if (!process.alive()) {
                process.start();
            }
        }
        parallel(processes.stream().map(p -> (Runnable) () -> p.awaitReady(READY)).toList());
    }

    // ------------------------------------------------------------------------------------------ the kinds of write

    static Writer hazardWriter(String name, String prefix, TestHttp api) {
        return Writer.start(name, prefix, () -> api, FaultMatrixE2EIT::reportHazard, r -> r.json().get("id").asString());
    }

    /** The cheapest write of hazard-service: a hazard at an establishment of its own (never joined to another). */
    static TestHttp.Response reportHazard(TestHttp api, String marker, Map<String, String> headers) {
        return api.post("/api/v1/hazards", Map.of("establishmentId", marker, "townId", FaultFixture.TOWN,
                "category", "FIRE_SAFETY", "source", "LAW_ENFORCEMENT",
                "description", "消防通道堆放杂物，安全出口锁闭（" + marker + "）"), headers);
    }

    static Writer establishmentWriter(String prefix) {
        TestHttp grid = RunningPlatform.direct("grid-service");
        return Writer.start("grid-service", prefix, () -> grid,
                (api, marker, headers) -> api.post("/api/v1/establishments",
                        FaultFixture.establishment(marker, "凤凰五金加工厂" + marker.substring(marker.lastIndexOf('-'))),
                        headers),
                r -> r.json().get("id").asString());
    }

    static Writer drillWriter(String prefix) {
        TestHttp training = RunningPlatform.direct("training-service");
        return Writer.start("training-service", prefix, () -> training,
                (api, marker, headers) -> api.post("/api/v1/training/drills", Map.of(
                        "establishmentId", FaultFixture.DRILLS_AT, "type", "EVACUATION",
                        "heldOn", FaultFixture.today().toString(), "participants", 18,
                        "scenario", "车间火灾人员疏散演练（" + marker + "）"), headers),
                r -> r.json().get("id").asString());
    }

    static Writer reviewWriter(String prefix) {
        TestHttp manual = RunningPlatform.direct("manual-service");
        return Writer.start("manual-service", prefix, () -> manual,
                (api, marker, headers) -> api.post("/api/v1/handbooks/" + FaultFixture.REVIEWS_AT + "/review", "",
                        headers),
                r -> null);
    }

    static String run() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    // ------------------------------------------------------------------------------------------------- the rows

    /** Row 1: SIGKILL of every service with an outbox while each receives writes; restarted, nothing lost or doubled. */
    @Test
    @Order(1)
    void sigkillOfEveryServiceWithAnOutboxDuringWritesLosesNothingAndCountsNothingTwice() {
        Instant started = Instant.now();
        String run = run();
        String hazardPrefix = "est-fault-kill-" + run;
        String establishmentPrefix = "est-fault-new-" + run;
        Account hazards = Account.open(Account.hazards(hazardPrefix));
        Account establishments = Account.open(Account.establishments(establishmentPrefix));
        Account drills = Account.open(Account.drills(FaultFixture.DRILLS_AT));
        Account reviews = Account.open(Account.reviews(FaultFixture.REVIEWS_AT));
        List<Writer> writers = List.of(
                hazardWriter("hazard-service", hazardPrefix, RunningPlatform.direct("hazard-service")),
                establishmentWriter(establishmentPrefix), drillWriter("drill-" + run), reviewWriter("review-" + run));
        List<String> services = List.of("hazard-service", "grid-service", "training-service", "manual-service");
        try {
            writers.forEach(w -> w.awaitAcknowledged(0, 8, Duration.ofSeconds(60)));
            parallel(services.stream().map(s -> (Runnable) () -> platform.service(s).kill()).toList());
            Map<Writer, Long> atRestart = new LinkedHashMap<>();
            writers.forEach(w -> atRestart.put(w, w.acknowledgedCount()));
            parallel(services.stream().map(s -> (Runnable) () -> platform.service(s).start()).toList());
            parallel(services.stream().map(s -> (Runnable) () -> platform.service(s).awaitReady(READY)).toList());
            writers.forEach(w -> w.awaitAcknowledged(atRestart.get(w), 8, Duration.ofSeconds(90)));
        } finally {
            writers.forEach(Writer::stop);
        }
        writers.forEach(w -> System.out.println("fault matrix row 1, " + w.summary()));
        report("row 1 SIGKILL of hazard-, grid-, training- and manual-service", started,
                hazards.settle(writers.get(0).attempts(), SETTLE),
                establishments.settle(writers.get(1).attempts(), SETTLE),
                drills.settle(writers.get(2).attempts(), SETTLE),
                reviews.settle(writers.get(3).attempts(), SETTLE));
    }

    /**
     * Rows 1 (reporting-service) and 4: a burst of 300 hazards; reporting-service, the consumer, is killed while it
     * applies them and started again while they still arrive; its figures converge to exactly the burst.
     */
    @Test
    @Order(2)
    void theConsumerKilledMidBatchDuringABurstCountsEachEventExactlyOnceAfterTheRestart() {
        Instant started = Instant.now();
        String prefix = "est-fault-burst-" + run();
        Account hazards = Account.open(Account.hazards(prefix));
        TestHttp hazardService = RunningPlatform.direct("hazard-service");
        List<Writer> writers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            writers.add(hazardWriter("hazard-service #" + i, prefix + "-w" + i, hazardService));
        }
        ServiceProcess reporting = platform.service("reporting-service");
        long countedAtKill;
        long acknowledgedAtKill;
        try {
            // kill once reporting is applying the burst: some counted, more arriving
            long baseline = hazards.kind().figure().applyAsLong(Account.overview());
            long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            long counted = 0;
            while (System.nanoTime() < until) {
                counted = hazards.kind().figure().applyAsLong(Account.overview()) - baseline;
                if (counted >= 20) {
                    break;
                }
                Writer.sleep(100);
            }
            acknowledgedAtKill = acknowledged(writers);
            reporting.kill();
            countedAtKill = counted;
            reporting.start();
            // the burst goes on while it starts again: 300 in all, and at least 50 after the kill
            long total = Math.max(300, acknowledgedAtKill + 50);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (acknowledged(writers) < total && System.nanoTime() < deadline) {
                Writer.sleep(50);
            }
            assertThat(acknowledged(writers)).as("the burst was written").isGreaterThanOrEqualTo(total);
        } finally {
            writers.forEach(Writer::stop);
        }
        reporting.awaitReady(READY);
        System.out.println("fault matrix row 4: reporting-service killed with " + countedAtKill + " counted of "
                + acknowledgedAtKill + " acknowledged");
        assertThat(countedAtKill).as("killed while applying the burst").isPositive();
        report("row 1/4 SIGKILL of reporting-service mid-batch", started,
                hazards.settle(Account.concat(writers.stream().map(Writer::attempts).toList()), SETTLE));
    }

    /** Row 2: the broker stopped for 10 s during writes; the outbox keeps them and relays them afterwards. */
    @Test
    @Order(3)
    void hazardsWrittenWhileTheBrokerIsStoppedForTenSecondsAreEachCountedExactlyOnce() {
        Instant started = Instant.now();
        String prefix = "est-fault-broker-" + run();
        Account hazards = Account.open(Account.hazards(prefix));
        Writer writer = hazardWriter("hazard-service", prefix, RunningPlatform.direct("hazard-service"));
        try {
            writer.awaitAcknowledged(0, 10, Duration.ofSeconds(60));
            long before = writer.acknowledgedCount();
            platform.kafka().stop();
            try {
                Writer.sleep(10_000);
            } finally {
                platform.kafka().start();
            }
            assertThat(writer.acknowledgedCount() - before).as("writes were acknowledged while the broker was away")
                    .isPositive();
            writer.awaitAcknowledged(writer.acknowledgedCount(), 10, Duration.ofSeconds(60));
        } finally {
            writer.stop();
        }
        report("row 2 broker stopped 10 s", started, hazards.settle(writer.attempts(), SETTLE));
    }

    /**
     * Row 3: the MongoDB store stopped for 10 s and started again on the same port and file during writes. Every
     * service reconnects by itself; a write that fails meanwhile is answered 503 problem+json with Retry-After (never
     * a 500); acknowledged writes before, during and after are each counted once.
     */
    @Test
    @Order(4)
    void writesWhileTheStoreIsStoppedAndStartedAgainAreAnsweredHonestlyAndCountedOnce() {
        Instant started = Instant.now();
        String run = run();
        String hazardPrefix = "est-fault-store-" + run;
        String establishmentPrefix = "est-fault-store-new-" + run;
        Account hazards = Account.open(Account.hazards(hazardPrefix));
        Account establishments = Account.open(Account.establishments(establishmentPrefix));
        List<Writer> writers = List.of(
                hazardWriter("hazard-service", hazardPrefix, RunningPlatform.direct("hazard-service")),
                establishmentWriter(establishmentPrefix));
        try {
            writers.forEach(w -> w.awaitAcknowledged(0, 10, Duration.ofSeconds(60)));
            platform.mongo().stop();
            try {
                Writer.sleep(10_000);
            } finally {
                platform.mongo().start();
            }
            Map<Writer, Long> after = new LinkedHashMap<>();
            writers.forEach(w -> after.put(w, w.acknowledgedCount()));
            writers.forEach(w -> w.awaitAcknowledged(after.get(w), 10, Duration.ofSeconds(90)));
        } finally {
            writers.forEach(Writer::stop);
        }
        writers.forEach(w -> System.out.println("fault matrix row 3, " + w.summary()));
        for (Writer writer : writers) {
            for (Attempt failed : writer.with(Outcome.IN_DOUBT)) {
                if (failed.status() != 0) {
                    assertThat(failed.status()).as("a write the store could not take: " + failed).isEqualTo(503);
                    assertThat(failed.detail()).as(failed.toString()).contains("service-unavailable");
                }
            }
        }
        report("row 3 store stopped 10 s", started, hazards.settle(writers.get(0).attempts(), SETTLE),
                establishments.settle(writers.get(1).attempts(), SETTLE));
    }

    /**
     * Row 5: two replicas of hazard-service on one store and one broker, written through both: the relay publishes
     * each event once (no event id twice on the topic), reporting counts each hazard once; after the second replica
     * stops, the first relays alone.
     */
    @Test
    @Order(5)
    void twoReplicasOfHazardServicePublishEachEventExactlyOnce() {
        Instant started = Instant.now();
        ServiceProcess replica = platform.startReplica("hazard-service", READY);
        String prefix = "est-fault-replica-" + run();
        Account hazards = Account.open(Account.hazards(prefix));
        TopicWindow everything = TopicWindow.open(platform.kafka().bootstrapServers(), Topics.HAZARD);
        List<Writer> writers = List.of(
                hazardWriter("hazard-service", prefix + "-a", RunningPlatform.direct("hazard-service")),
                hazardWriter("hazard-service replica", prefix + "-b",
                        new TestHttp(replica.baseUrl(), RunningPlatform.cityAdminToken())));
        List<Attempt> attempts = new ArrayList<>();
        try {
            writers.forEach(w -> w.awaitAcknowledged(0, 25, Duration.ofSeconds(90)));
        } finally {
            writers.forEach(w -> attempts.addAll(w.stop()));
            platform.stopReplica(replica);
        }
        Writer alone = hazardWriter("hazard-service alone", prefix + "-c", RunningPlatform.direct("hazard-service"));
        try {
            alone.awaitAcknowledged(0, 5, Duration.ofSeconds(60));
        } finally {
            attempts.addAll(alone.stop());
        }
        Result result = hazards.settle(attempts, SETTLE);
        List<Published> all = everything.read(p -> true);
        Map<String, Long> perId = all.stream().collect(Collectors.groupingBy(Published::id, Collectors.counting()));
        assertThat(perId.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("event ids published more than once by two replicas").isEmpty();
        assertThat(result.duplicatesOnTopic()).isZero();
        report("row 5 two replicas of hazard-service", started, result);
    }

    /**
     * Row 6: the gateway killed and started again while clients write through it. Every write a client saw
     * acknowledged is counted once; a write refused while the gateway was away is sent again with the same
     * Idempotency-Key; one whose answer was lost is sent again with its key when the services replay keys, else
     * found (or not) by its marker.
     */
    @Test
    @Order(6)
    void writesThroughTheGatewayWhileItIsKilledAndRestartedAreEachCountedOnce() {
        Instant started = Instant.now();
        String prefix = "est-fault-gateway-" + run();
        Account hazards = Account.open(Account.hazards(prefix));
        TestHttp gateway = RunningPlatform.gateway();
        List<Attempt> attempts = new ArrayList<>();
        // do the services replay an Idempotency-Key? (the same write twice with one key)
        String key = UUID.randomUUID().toString();
        TestHttp hazardService = RunningPlatform.direct("hazard-service");
        TestHttp.Response first = reportHazard(hazardService, prefix + "-key", Map.of("Idempotency-Key", key));
        TestHttp.Response again = reportHazard(hazardService, prefix + "-key", Map.of("Idempotency-Key", key));
        boolean replays = "true".equalsIgnoreCase(again.header("Idempotent-Replayed"));
        for (TestHttp.Response r : List.of(first, again)) {
            // 201, or 200 when (without key replay) intake joins the second to the first hazard of the same place
            assertThat(r.status()).as(r.toString()).isIn(200, 201);
            attempts.add(new Attempt(prefix + "-key", key, Outcome.ACKNOWLEDGED, r.status(),
                    r.json().get("id").asString(), null));
        }
        if (replays) {
            assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        }
        List<Writer> writers = List.of(
                Writer.start("gateway #1", prefix + "-1", () -> gateway, FaultMatrixE2EIT::reportHazard,
                        r -> r.json().get("id").asString(), true, Duration.ZERO),
                Writer.start("gateway #2", prefix + "-2", () -> gateway, FaultMatrixE2EIT::reportHazard,
                        r -> r.json().get("id").asString(), true, Duration.ZERO));
        ServiceProcess gatewayProcess = platform.service("gateway");
        try {
            writers.forEach(w -> w.awaitAcknowledged(0, 10, Duration.ofSeconds(60)));
            gatewayProcess.kill();
            gatewayProcess.start();
            gatewayProcess.awaitReady(READY);
            Map<Writer, Long> after = new LinkedHashMap<>();
            writers.forEach(w -> after.put(w, w.acknowledgedCount()));
            writers.forEach(w -> w.awaitAcknowledged(after.get(w), 10, Duration.ofSeconds(60)));
        } finally {
            writers.forEach(w -> attempts.addAll(w.stop()));
        }
        writers.forEach(w -> System.out.println("fault matrix row 6, " + w.summary()));
        if (replays) {
            // a write whose answer was lost: the same key again gets the first answer (or does the write now)
            List<Attempt> lost = attempts.stream().filter(a -> a.outcome() == Outcome.IN_DOUBT)
                    .filter(a -> attempts.stream().noneMatch(b -> b.marker().equals(a.marker())
                            && b.outcome() == Outcome.ACKNOWLEDGED)).toList();
            for (Attempt a : lost) {
                TestHttp.Response retried = reportHazard(gateway, a.marker(), Map.of("Idempotency-Key",
                        a.idempotencyKey()));
                assertThat(retried.status()).as("retried " + a + ": " + retried).isIn(200, 201);
                attempts.add(new Attempt(a.marker(), a.idempotencyKey(), Outcome.ACKNOWLEDGED, retried.status(),
                        retried.json().get("id").asString(), null));
            }
        } else {
            System.out.println("fault matrix row 6: the services do not replay Idempotency-Key yet; writes whose"
                    + " answer was lost are not retried, only found by their marker");
        }
        Result result = hazards.settle(attempts, SETTLE);
        Map<String, Long> perMarker = hazards.published().stream().collect(Collectors.groupingBy(
                p -> Account.text(p.data(), "establishmentId"), Collectors.toSet())).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stream().map(Published::id)
                        .distinct().count()));
        perMarker.forEach((marker, count) -> {
            if (!marker.equals(prefix + "-key") || replays) {
                assertThat(count).as("hazards stored for the one write " + marker).isEqualTo(1);
            }
        });
        report("row 6 gateway killed and restarted" + (replays ? " (idempotent retries)" : ""), started, result);
    }

    /** A poison message lands in the dead-letter topic and the next event is still counted. */
    @Test
    @Order(7)
    void aPoisonMessageLandsInTheDeadLetterTopicAndTheNextEventIsStillProcessed() throws Exception {
        Instant started = Instant.now();
        String prefix = "est-fault-poison-" + run();
        Account hazards = Account.open(Account.hazards(prefix));
        String bootstrap = platform.kafka().bootstrapServers();
        String poisonKey = "poison-" + prefix;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.HAZARD, poisonKey, "{not a cloud event".getBytes()))
                    .get(10, TimeUnit.SECONDS);
        }
        Writer writer = hazardWriter("hazard-service", prefix, RunningPlatform.direct("hazard-service"));
        try {
            writer.awaitAcknowledged(0, 1, Duration.ofSeconds(30));
        } finally {
            writer.stop();
        }
        Result result = hazards.settle(writer.attempts(), SETTLE);
        try (KafkaConsumer<String, byte[]> dlt = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrap, "group.id", "e2e-dlt-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            dlt.subscribe(List.of(Topics.deadLetter(Topics.HAZARD)));
            List<ConsumerRecord<String, byte[]>> poisoned = new ArrayList<>();
            long until = System.currentTimeMillis() + 30_000;
            while (poisoned.isEmpty() && System.currentTimeMillis() < until) {
                dlt.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (poisonKey.equals(r.key())) {
                        poisoned.add(r);
                    }
                });
            }
            assertThat(poisoned).isNotEmpty();
            assertThat(new String(poisoned.get(0).value())).isEqualTo("{not a cloud event");
        }
        report("poison message to the dead-letter topic", started, result);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static long acknowledged(List<Writer> writers) {
        return writers.stream().mapToLong(Writer::acknowledgedCount).sum();
    }

    private static void parallel(List<Runnable> tasks) {
        CompletableFuture.allOf(tasks.stream().map(CompletableFuture::runAsync).toArray(CompletableFuture[]::new))
                .join();
    }

    private static void report(String row, Instant started, Result... results) {
        StringBuilder line = new StringBuilder("fault matrix ").append(row).append(": passed in ")
                .append(Account.seconds(started)).append(" s");
        for (Result result : results) {
            line.append("\n  ").append(result);
        }
        System.out.println(line);
    }
}
