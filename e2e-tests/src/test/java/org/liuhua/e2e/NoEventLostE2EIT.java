package org.liuhua.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.platform.Platform;
import org.liuhua.platform.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * P-1 end to end: every acknowledged write is counted exactly once by reporting-service, also when the writing
 * service is killed with SIGKILL right after acknowledging, and when the broker is away during the writes.
 */
class NoEventLostE2EIT {

    @Test
    void hazardsAcknowledgedJustBeforeASigkillAreEachCountedExactlyOnce() {
        Platform platform = RunningPlatform.get();
        TestHttp hazard = RunningPlatform.direct("hazard-service");
        TestHttp reporting = RunningPlatform.direct("reporting-service");
        long before = Hazards.total(reporting);

        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            acknowledged.add(Hazards.report(hazard, "before the crash #" + i));
        }
        ServiceProcess hazardService = platform.service("hazard-service");
        hazardService.kill();
        hazardService.start();
        hazardService.awaitReady(Duration.ofSeconds(120));

        assertThat(acknowledged).doesNotHaveDuplicates().hasSize(40);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> Hazards.total(reporting) >= before + 40);
        // nothing more arrives later: each acknowledged hazard counted once
        sleep(3000);
        assertThat(Hazards.total(reporting)).isEqualTo(before + 40);
        for (String id : acknowledged) {
            assertThat(hazard.get("/api/v1/hazards/" + id).status()).isEqualTo(200);
        }
    }

    @Test
    void hazardsWrittenWhileTheBrokerIsStoppedForTenSecondsAreEachCountedExactlyOnce() throws Exception {
        Platform platform = RunningPlatform.get();
        TestHttp hazard = RunningPlatform.direct("hazard-service");
        TestHttp reporting = RunningPlatform.direct("reporting-service");
        long before = Hazards.total(reporting);

        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            acknowledged.add(Hazards.report(hazard, "before the outage #" + i));
        }
        platform.kafka().stop();
        long outageStarted = System.nanoTime();
        try {
            for (int i = 0; i < 20; i++) {
                acknowledged.add(Hazards.report(hazard, "during the outage #" + i));
            }
            long remaining = 10_000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - outageStarted);
            sleep(Math.max(0, remaining));
        } finally {
            platform.kafka().start();
        }
        for (int i = 0; i < 10; i++) {
            acknowledged.add(Hazards.report(hazard, "after the outage #" + i));
        }

        assertThat(acknowledged).doesNotHaveDuplicates().hasSize(40);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> Hazards.total(reporting) >= before + 40);
        sleep(3000);
        assertThat(Hazards.total(reporting)).isEqualTo(before + 40);
    }

    @Test
    void aPoisonMessageLandsInTheDeadLetterTopicAndTheNextEventIsStillProcessed() throws Exception {
        Platform platform = RunningPlatform.get();
        TestHttp hazard = RunningPlatform.direct("hazard-service");
        TestHttp reporting = RunningPlatform.direct("reporting-service");
        String bootstrap = platform.kafka().bootstrapServers();
        long before = Hazards.total(reporting);

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.HAZARD, "poison-e2e", "{not a cloud event".getBytes()))
                    .get(10, TimeUnit.SECONDS);
        }
        Hazards.report(hazard, "after the poison message");

        await().atMost(Duration.ofSeconds(30)).until(() -> Hazards.total(reporting) == before + 1);
        try (KafkaConsumer<String, byte[]> dlt = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrap, "group.id", "e2e-dlt-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            dlt.subscribe(List.of(Topics.deadLetter(Topics.HAZARD)));
            List<ConsumerRecord<String, byte[]>> poisoned = new ArrayList<>();
            long until = System.currentTimeMillis() + 30_000;
            while (poisoned.isEmpty() && System.currentTimeMillis() < until) {
                dlt.poll(Duration.ofMillis(500)).forEach(r -> {
                    if ("poison-e2e".equals(r.key())) {
                        poisoned.add(r);
                    }
                });
            }
            assertThat(poisoned).isNotEmpty();
            assertThat(new String(poisoned.get(0).value())).isEqualTo("{not a cloud event");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
