package org.liuhua.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.liuhua.kit.test.TestTokens;

/**
 * c. Third-party intake: a firm (client credentials, firm = azp) pushes batches of findings for establishments it
 * holds contracts for, one batch after the other, through the gateway. Every finding is new (its own establishment
 * and externalId), so each must come back CREATED.
 */
final class ThirdPartyIntake {

    static final String FIRM = "bench-firm";

    private ThirdPartyIntake() {
    }

    static void run(Bench bench) {
        int batches = Config.integer("bench.c.batches", 5);
        int batchSize = Config.integer("bench.c.batchSize", 1000);
        int warmupSize = Config.integer("bench.c.warmupBatchSize", 200);
        Duration limit = Config.seconds("bench.c.limitSeconds", 120);
        Duration countLimit = Config.seconds("bench.c.countLimitSeconds", 120);
        Http admin = bench.direct("hazard-service", bench.cityAdmin);
        Tokens firmToken = new Tokens(() -> TestTokens.client(FIRM, List.of("THIRD_PARTY_FIRM")));
        Http firm = bench.edge("hazard-service", firmToken);
        Http reporting = bench.reporting();

        Bench.log("c. third-party intake: a warm-up batch of " + warmupSize + ", then " + batches + " batches of "
                + batchSize + " findings " + bench.edgeName());
        // contracts are set up first and not measured: one per batch, covering exactly its establishments
        List<List<String>> establishments = new ArrayList<>();
        for (int b = 0; b <= batches; b++) {
            int size = b == 0 ? warmupSize : batchSize;
            List<String> ids = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                ids.add("est-bench-" + bench.runId + "-c" + b + "-" + i);
            }
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            Http.Response contract = admin.post("/api/v1/contracts", Map.of("firmId", FIRM, "establishmentIds", ids,
                    "validFrom", today.minusDays(1).toString(), "validTo", today.plusDays(365).toString()));
            if (contract.status() != 201) {
                bench.unexpected("POST /api/v1/contracts", contract);
                bench.table.anomaly("c. could not create the firm's contract: %s", contract);
                return;
            }
            establishments.add(ids);
        }

        long base = Bench.total(reporting);
        long warmCreated = push(bench, firm, establishments.get(0), 0, new Samples());
        if (Bench.awaitTotal(reporting, base + warmCreated, System.nanoTime(), countLimit, 100) < 0) {
            bench.table.anomaly("c. warm-up findings not all counted within %d s", countLimit.toSeconds());
        }

        base = Bench.total(reporting);
        long[] offsets = bench.hazardOffsets();
        Samples perBatch = new Samples();
        long first = System.nanoTime();
        long deadline = first + limit.toNanos();
        long created = 0;
        int sent = 0;
        for (int b = 1; b <= batches && System.nanoTime() < deadline; b++) {
            created += push(bench, firm, establishments.get(b), b, perBatch);
            sent += batchSize;
        }
        long lastAck = System.nanoTime();
        perBatch.wall(lastAck - first);
        bench.table.row("c. intake batches of " + batchSize +  " " + bench.edgeName(), perBatch, sent, "find/s");
        if (created < sent) {
            bench.table.anomaly("c. %d of %d findings were not CREATED", sent - created, sent);
        }
        Bench.Drained drained = bench.drain(base + created, offsets, created, lastAck, countLimit);
        long afterLast = drained.countedNanos();
        bench.table.note("c. after the last batch was answered: %s", drained.describe());
        if (afterLast < 0) {
            bench.table.anomaly("c. only %d of %d findings counted %d s after the last batch",
                    Bench.total(reporting) - base, created, countLimit.toSeconds());
        } else {
            long sinceFirst = lastAck - first + afterLast;
            bench.table.note("c. %d findings in %d batches: %.0f findings/s accepted; all counted %s after the "
                            + "first batch was sent (%.0f findings/s end to end)", created,
                    perBatch.count() + perBatch.errors(), sent / perBatch.wallSeconds(), Bench.seconds(sinceFirst),
                    created / (sinceFirst / 1e9));
        }
    }

    /** Pushes one batch; the latency of the whole batch request goes to {@code samples}; answers CREATED count. */
    private static long push(Bench bench, Http firm, List<String> establishmentIds, int batch, Samples samples) {
        String foundAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        List<Map<String, Object>> findings = new ArrayList<>(establishmentIds.size());
        for (int i = 0; i < establishmentIds.size(); i++) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("externalId", "DF-" + bench.runId + "-" + batch + "-" + i);
            finding.put("establishmentId", establishmentIds.get(i));
            finding.put("townId", Bench.TOWN);
            finding.put("category", "FIRE_SAFETY");
            finding.put("severity", "GENERAL");
            finding.put("description", "第三方检查：疏散指示标志损坏 #" + i);
            finding.put("foundAt", foundAt);
            findings.add(finding);
        }
        long t0 = System.nanoTime();
        Http.Response answer = firm.post("/api/v1/intake/findings", Map.of("findings", findings),
                Map.of("Idempotency-Key", "bench-" + bench.runId + "-" + batch));
        long took = System.nanoTime() - t0;
        if (answer.status() != 200) {
            bench.unexpected("POST /api/v1/intake/findings", answer);
            samples.error();
            return 0;
        }
        long created = answer.json().path("created").asLong(0);
        bench.hazardsCreated.addAndGet(created);
        if (created != establishmentIds.size()) {
            bench.unexpected("POST /api/v1/intake/findings (not all CREATED)", answer);
            samples.error();
        } else {
            samples.add(took);
        }
        Bench.log(String.format(java.util.Locale.ROOT, "c. batch %d: %d findings, %d created, %.0f ms", batch,
                establishmentIds.size(), created, took / 1e6));
        return created;
    }
}
