package org.liuhua.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

/**
 * a. Report → counted, open model: hazards are POSTed through the edge at a fixed rate ({@code bench.a.rate} per
 * second, each at its scheduled instant whatever the previous one is doing, so queueing shows), and reporting-service's
 * overview is polled every few ms; a hazard's latency runs from its scheduled instant to the first overview whose
 * {@code hazards.total} includes it (the k-th hazard answered CREATED ↔ the first total ≥ base + k; exact while they
 * are counted in the order they were created, which at this rate they are). Beside it, on the same broker: raw Kafka
 * produce → consume latency of the same number of records, also at a fixed rate (acks=all, one partition). The
 * comparison: report → counted p99 ≤ 10 × Kafka's p99, and p50 ≤ 50 ms.
 */
final class ReportToCounted {

    private static final long PROMISE_NANOS = Duration.ofSeconds(2).toNanos();

    private ReportToCounted() {
    }

    static void run(Bench bench) {
        int warmup = Config.integer("bench.a.warmup", 20);
        int count = Config.integer("bench.a.count", 200);
        double rate = Double.parseDouble(Config.text("bench.a.rate", "4"));
        long pollMillis = Config.integer("bench.a.pollMillis", 5);
        Duration perHazardLimit = Config.seconds("bench.a.perHazardLimitSeconds", 10);
        Http api = bench.edge("hazard-service", bench.cityAdmin);
        Http reporting = bench.reporting();

        Bench.log("a. report → counted: " + warmup + " warm-up, then " + count + " hazards " + bench.edgeName()
                + " at " + rate + "/s (open model), polling reporting-service's overview every " + pollMillis + " ms");
        measure(bench, api, reporting, warmup, rate, pollMillis, perHazardLimit, new Samples(), new Samples(),
                "a-warmup");
        Samples counted = new Samples();
        Samples posts = new Samples();
        long started = System.nanoTime();
        measure(bench, api, reporting, count, rate, pollMillis, perHazardLimit, counted, posts, "a");
        counted.wall(System.nanoTime() - started);
        bench.table.row("a. report→counted " + bench.edgeName() + " @" + rate + "/s", counted, "haz/s");
        bench.table.row("a.  of which POST /hazards " + bench.edgeName(), posts, "req/s");
        long late = counted.above(PROMISE_NANOS);
        bench.table.note("a. %d of %d hazards counted later than 2 s (%d not counted within %d s); mean %.0f ms",
                late + counted.errors(), count, counted.errors(), perHazardLimit.toSeconds(), counted.meanMillis());

        double kafkaRate = Double.parseDouble(Config.text("bench.a.kafkaRate", "20"));
        Samples kafka = kafkaLatency(bench, count, kafkaRate);
        bench.table.row("a. limit: Kafka produce→consume @" + kafkaRate + "/s", kafka, "rec/s");
        bench.table.atMost("a", "a. report → counted p99 (" + bench.edgeName() + ", " + rate + "/s)",
                counted.percentileMillis(99), "raw Kafka produce → consume p99, same broker",
                kafka.percentileMillis(99), "ms", 10);
        double p50 = counted.percentileMillis(50);
        double kafka50 = kafka.percentileMillis(50);
        bench.table.absolute("a", "a. report → counted p50", p50, "ms",
                "raw Kafka p50: " + Table.format(kafka50) + " ms", p50 / kafka50, "≤ 50 ms", p50 <= 50);
    }

    private static void measure(Bench bench, Http api, Http reporting, int count, double rate, long pollMillis,
                                Duration perHazardLimit, Samples counted, Samples posts, String scenario) {
        long base = Bench.total(reporting);
        long interval = (long) (1e9 / rate);
        long[] scheduledOfCreated = new long[count];
        int[] created = {0};
        long[] countedAt = new long[count + 1];
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(4);
        Thread poller = new Thread(() -> {
            int seen = 0;
            long stopAt = Long.MAX_VALUE;
            while (System.nanoTime() < stopAt) {
                long total = Bench.total(reporting);
                long now = System.nanoTime();
                while (total >= 0 && seen < count && total >= base + seen + 1) {
                    countedAt[++seen] = now;
                }
                synchronized (created) {
                    if (!sending.get() && stopAt == Long.MAX_VALUE) {
                        stopAt = now + perHazardLimit.toNanos();
                    }
                    if (!sending.get() && seen >= created[0]) {
                        return;
                    }
                }
                Bench.sleep(pollMillis);
            }
        }, "bench-a-poller");
        poller.start();
        long start = System.nanoTime() + interval;
        for (int i = 0; i < count; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                Bench.sleep((wait + 999_999) / 1_000_000);
            }
            int n = i;
            senders.execute(() -> {
                long t0 = System.nanoTime();
                Http.Response answer = api.post("/api/v1/hazards", bench.newHazard(scenario, n));
                long t1 = System.nanoTime();
                if (answer.status() != 201) {
                    bench.unexpected("POST /api/v1/hazards (" + bench.edgeName() + ")", answer);
                    posts.error();
                    return;
                }
                posts.add(t1 - t0);
                bench.hazardsCreated.incrementAndGet();
                synchronized (created) {
                    scheduledOfCreated[created[0]++] = scheduled;
                }
            });
        }
        senders.shutdown();
        try {
            senders.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (created) {
            sending.set(false);
        }
        try {
            poller.join(perHazardLimit.toMillis() + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (created) {
            for (int k = 0; k < created[0]; k++) {
                if (countedAt[k + 1] > 0) {
                    counted.add(countedAt[k + 1] - scheduledOfCreated[k]);
                } else {
                    counted.error();
                }
            }
        }
    }

    /** Produce → consume latency of {@code count} records sent at a fixed rate to a topic of the platform's broker. */
    private static Samples kafkaLatency(Bench bench, int count, double rate) {
        String bootstrap = bench.platform.kafka().bootstrapServers();
        String topic = "bench.latency." + bench.runId;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + topic, e);
        }
        Samples samples = new Samples();
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaProducer<Long, Long> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "acks", "all", "linger.ms", 0, "enable.idempotence", true), new LongSerializer(),
                new LongSerializer());
             KafkaConsumer<Long, Long> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                     "enable.auto.commit", false, "fetch.max.wait.ms", 100), new LongDeserializer(),
                     new LongDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            long interval = (long) (1e9 / rate);
            long start = System.nanoTime() + interval;
            int received = 0;
            long deadline = start + count * interval + Duration.ofSeconds(30).toNanos();
            Thread sender = new Thread(() -> {
                for (int sent = 0; sent < count; sent++) {
                    long scheduled = start + sent * interval;
                    long wait = scheduled - System.nanoTime();
                    if (wait > 0) {
                        Bench.sleep((wait + 999_999) / 1_000_000);
                    }
                    producer.send(new ProducerRecord<>(topic, (long) sent, scheduled));
                }
            }, "bench-a-kafka-sender");
            sender.start();
            while (received < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<Long, Long> record : consumer.poll(Duration.ofMillis(50))) {
                    samples.add(System.nanoTime() - record.value());
                    received++;
                }
            }
            try {
                sender.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            samples.wall(System.nanoTime() - start);
        }
        return samples;
    }
}
