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
        int findings = Config.integer("bench.c.findings", 5000);
        for (String size : Config.text("bench.c.batchSizes", "100,1000").split(",")) {
            int batchSize = Integer.parseInt(size.trim());
            run(bench, batchSize, Math.max(1, findings / batchSize));
        }
    }

    private static void run(Bench bench, int batchSize, int batches) {
        int warmupSize = Math.min(batchSize, Config.integer("bench.c.warmupBatchSize", 200));
        Duration limit = Config.seconds("bench.c.limitSeconds", 120);
        Duration countLimit = Config.seconds("bench.c.countLimitSeconds", 120);
        Http admin = bench.direct("hazard-service", bench.cityAdmin);
        Http firm = firm(bench);
        Http reporting = bench.reporting();
        String tag = "c" + batchSize + "-";

        Bench.log("c. third-party intake: a warm-up batch of " + warmupSize + ", then " + batches + " batches of "
                + batchSize + " findings " + bench.edgeName());
        // contracts are set up first and not measured: one per batch, covering exactly its establishments
        List<List<String>> establishments = contracted(bench, admin, tag, batches, warmupSize, batchSize);
        if (establishments == null) {
            return;
        }

        long base = Bench.total(reporting);
        long warmCreated = push(bench, firm, establishments.get(0), tag + 0, new Samples());
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
            created += push(bench, firm, establishments.get(b), tag + b, perBatch);
            sent += batchSize;
        }
        long lastAck = System.nanoTime();
        perBatch.wall(lastAck - first);
        bench.table.row("c. intake batches of " + batchSize + " " + bench.edgeName(), perBatch, sent, "find/s");
        if (created < sent) {
            bench.table.anomaly("c. %d of %d findings were not CREATED", sent - created, sent);
        }
        Bench.Drained drained = bench.drain(base + created, offsets, created, lastAck, countLimit);
        long afterLast = drained.countedNanos();
        bench.table.note("c. batches of %d: after the last batch was answered: %s", batchSize, drained.describe());
        if (afterLast < 0) {
            bench.table.anomaly("c. only %d of %d findings counted %d s after the last batch",
                    Bench.total(reporting) - base, created, countLimit.toSeconds());
        } else {
            long sinceFirst = lastAck - first + afterLast;
            bench.table.note("c. %d findings in %d batches of %d: %.0f findings/s accepted; all counted %s after the "
                            + "first batch was sent (%.0f findings/s end to end)", created,
                    perBatch.count() + perBatch.errors(), batchSize, sent / perBatch.wallSeconds(),
                    Bench.seconds(sinceFirst), created / (sinceFirst / 1e9));
        }
        // the limit: the hazard documents the intake just wrote, insertMany in batches of the same size, same store
        double raw = StoreLimits.insertMany(bench, StoreLimits.copiesOfHazards(bench, sent,
                tag), batchSize);
        bench.table.atLeast("c", "c. intake, batches of " + batchSize + " (" + bench.edgeName() + ")",
                sent / perBatch.wallSeconds(), "`insertMany` of the same documents, batches of " + batchSize, raw,
                "/s", 0.5);
    }

    /** The firm's contracts, one per batch (batch 0 of {@code firstSize}); null when one could not be created. */
    static List<List<String>> contracted(Bench bench, Http admin, String tag, int batches, int firstSize,
                                         int batchSize) {
        List<List<String>> establishments = new ArrayList<>();
        for (int b = 0; b <= batches; b++) {
            int size = b == 0 ? firstSize : batchSize;
            List<String> ids = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                ids.add("est-bench-" + bench.runId + "-" + tag + b + "-" + i);
            }
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            Http.Response contract = admin.post("/api/v1/contracts", Map.of("firmId", FIRM, "establishmentIds", ids,
                    "validFrom", today.minusDays(1).toString(), "validTo", today.plusDays(365).toString()));
            if (contract.status() != 201) {
                bench.unexpected("POST /api/v1/contracts", contract);
                bench.table.anomaly("%s: could not create the firm's contract: %s", tag, contract);
                return null;
            }
            establishments.add(ids);
        }
        return establishments;
    }

    /** The firm's client, through the edge. */
    static Http firm(Bench bench) {
        return bench.edge("hazard-service", new Tokens(() -> TestTokens.client(FIRM, List.of("THIRD_PARTY_FIRM"))));
    }

    /** Pushes one batch; the latency of the whole batch request goes to {@code samples}; answers CREATED count. */
    static long push(Bench bench, Http firm, List<String> establishmentIds, String batch, Samples samples) {
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
        Map<String, String> key = Map.of("Idempotency-Key", "bench-" + bench.runId + "-" + batch);
        Http.Response answer = firm.post("/api/v1/intake/findings", Map.of("findings", findings), key);
        long took = System.nanoTime() - t0;
        // no answer in time (the gateway's 504): the batch may have been applied; as the problem says, the same
        // request with the same key is answered as the first time (applied at most once)
        // (409 request-in-progress: the first one is still being applied — ask again a moment later)
        for (int retry = 0; retry < 15 && (answer.status() == 504 || answer.status() == 0
                || answer.status() == 409); retry++) {
            bench.unexpected("POST /api/v1/intake/findings (retried with the same Idempotency-Key)", answer);
            Bench.sleep(2_000);
            answer = firm.post("/api/v1/intake/findings", Map.of("findings", findings), key);
            took = -1;
        }
        if (answer.status() == 200 && took < 0) {
            long created = answer.json().path("created").asLong(0);
            bench.hazardsCreated.addAndGet(created);
            samples.error();
            return created;
        }
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
        Bench.log(String.format(java.util.Locale.ROOT, "c. batch %s: %d findings, %d created, %.0f ms", batch,
                establishmentIds.size(), created, took / 1e6));
        return created;
    }
}
