package org.liuhua.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * e. Projection burst (issue 11, throughput): a burst of hazard events (default 100,000: 25,000 hazards × reported,
 * transferred, rectified, closed) is appended straight to {@code liuhua.hazard}; the clock runs from the first
 * append until reporting-service's live generation ({@code reporting-service-v1}) has committed all of them —
 * events applied per second by the projector's batch path (load facts, fold, bulk-write facts, one {@code $inc} per
 * counter document). In the same run, the same number of fact documents is bulk-upserted (unordered batches of 500,
 * the consumer's batch size) straight into the same store — the raw rate. Printed: both and their ratio (target
 * ≥ 0.5).
 */
final class ProjectionBurst {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] TOWNS = {"zjg-jinfeng", "zjg-yangshe", "zjg-tangqiao", "zjg-fenghuang",
            "zjg-nanfeng", "zjg-leyu", "zjg-daxin", "zjg-changyinsha"};
    private static final String[] INDUSTRIES = {"MACHINERY", "CHEMICAL", "TEXTILE", "METALLURGY", "TRADE"};
    private static final String[] STEPS = {"reported", "transferred", "rectified", "closed"};
    private static final String[] STATES = {"REPORTED", "TRANSFERRED", "REVIEW", "CLOSED"};

    private ProjectionBurst() {
    }

    static void run(Bench bench) {
        int events = Config.integer("bench.e.events", 100_000);
        Duration limit = Config.seconds("bench.e.limitSeconds", 600);
        int hazards = Math.max(1, events / STEPS.length);
        int total = hazards * STEPS.length;
        String bootstrap = bench.platform.kafka().bootstrapServers();
        Bench.log("e. projection burst: " + total + " hazard events appended to liuhua.hazard, then the same number "
                + "of raw bulk upserts");

        long applied;
        long appliedEvents;
        try (KafkaProgress progress = new KafkaProgress(bootstrap, "liuhua.hazard", Bench.REPORTING_GROUP)) {
            long startAppended = Math.max(0, progress.appended());
            long start = System.nanoTime();
            produce(bootstrap, hazards);
            long appendedAt = System.nanoTime();
            long target = startAppended + total;
            long deadline = start + limit.toNanos();
            while (progress.consumed() < target && System.nanoTime() < deadline) {
                Bench.sleep(100);
            }
            long consumed = progress.consumed();
            applied = System.nanoTime() - start;
            // the burst's hazards are counted like any other (the final check compares the total)
            bench.hazardsCreated.addAndGet(hazards);
            appliedEvents = Math.max(0, consumed - startAppended);
            if (consumed < target) {
                bench.table.anomaly("e. only %d of %d events applied within %d s (the rate below is over those)",
                        appliedEvents, total, limit.toSeconds());
            }
            bench.table.note("e. %d events appended in %s, %d applied by reporting-service %s after the first: "
                    + "%.0f events/s", total, Bench.seconds(appendedAt - start), appliedEvents,
                    Bench.seconds(applied), appliedEvents / (applied / 1e9));
        }
        if (appliedEvents == 0) {
            return;
        }

        double projected = appliedEvents / (applied / 1e9);
        double raw = rawUpserts(bench, hazards);
        bench.table.note("e. raw bulk upsert of %d fact documents into the same store: %.0f documents/s", total, raw);
        bench.table.atLeast("e", "e. reporting applies a burst of " + total + " hazard events", projected,
                "raw bulk upsert of the same fact documents", raw, "/s", 0.5);
    }

    private static void produce(String bootstrap, int hazards) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", 20,
                "batch.size", 262_144, "enable.idempotence", true);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            Instant base = Instant.now().minus(Duration.ofDays(40));
            for (int h = 0; h < hazards; h++) {
                String id = UUID.randomUUID().toString();
                for (int step = 0; step < STEPS.length; step++) {
                    Instant at = base.plusSeconds(h * 60L + step * 86_400L);
                    sent.add(producer.send(record(id, h, step, at)));
                }
                if (sent.size() >= 10_000) {
                    await(sent);
                }
            }
            await(sent);
        }
    }

    private static void await(List<Future<?>> sent) {
        for (Future<?> ack : sent) {
            try {
                ack.get();
            } catch (Exception e) {
                throw new IllegalStateException("append failed", e);
            }
        }
        sent.clear();
    }

    private static ProducerRecord<String, byte[]> record(String id, int h, int step, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("hazardId", id);
        payload.put("establishmentId", "est-burst-" + (h % 20_000));
        payload.put("townId", TOWNS[h % TOWNS.length]);
        payload.put("departmentId", "dept-" + (h % 6));
        payload.put("industry", INDUSTRIES[h % INDUSTRIES.length]);
        payload.put("category", "FIRE_SAFETY");
        payload.put("severity", h % 10 == 0 ? "MAJOR" : "GENERAL");
        payload.put("source", h % 3 == 0 ? "ENTERPRISE_SELF_CHECK" : "GRID_PATROL");
        payload.put("state", STATES[step]);
        payload.put("deadline", "2031-01-01");
        payload.put("overdue", false);
        payload.put("revision", step + 1);
        payload.put("occurredAt", at.toString());
        payload.put("actor", "benchmark");
        if (step == 0) {
            payload.put("reportedAt", at.toString());
        }
        if (step == 3) {
            payload.put("closedAt", at.toString());
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("liuhua.hazard", id,
                JSON.writeValueAsBytes(payload));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/liuhua/benchmark");
        header(record, "ce_type", "liuhua.hazard." + STEPS[step] + ".v1");
        header(record, "ce_subject", id);
        header(record, "ce_time", at.toString());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Documents per second: the fact documents of the burst bulk-upserted (replace by _id), one per event. */
    private static double rawUpserts(Bench bench, int hazards) {
        try (MongoClient client = MongoClients.create(bench.platform.mongo().uri("reporting"))) {
            MongoCollection<Document> raw = client.getDatabase("reporting").getCollection("bench_raw_facts");
            raw.drop();
            List<String> ids = new ArrayList<>();
            for (int h = 0; h < hazards; h++) {
                ids.add(UUID.randomUUID().toString());
            }
            Date at = new Date();
            long start = System.nanoTime();
            List<WriteModel<Document>> batch = new ArrayList<>();
            long written = 0;
            for (int step = 0; step < STEPS.length; step++) {
                for (int h = 0; h < hazards; h++) {
                    Document fact = new Document("_id", ids.get(h)).append("revision", step + 1)
                            .append("establishmentId", "est-burst-" + (h % 20_000))
                            .append("townId", TOWNS[h % TOWNS.length]).append("departmentId", "dept-" + (h % 6))
                            .append("industry", INDUSTRIES[h % INDUSTRIES.length]).append("category", "FIRE_SAFETY")
                            .append("severity", "GENERAL").append("source", "GRID_PATROL")
                            .append("state", STATES[step]).append("deadline", "2031-01-01").append("overdue", false)
                            .append("reportedAt", at).append("closedAt", step == 3 ? at : null);
                    batch.add(new ReplaceOneModel<>(Filters.eq("_id", ids.get(h)), fact,
                            new ReplaceOptions().upsert(true)));
                    if (batch.size() == 500) {
                        raw.bulkWrite(batch, new BulkWriteOptions().ordered(false));
                        written += batch.size();
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) {
                raw.bulkWrite(batch, new BulkWriteOptions().ordered(false));
                written += batch.size();
            }
            long took = System.nanoTime() - start;
            raw.drop();
            return written / (took / 1e9);
        }
    }
}
