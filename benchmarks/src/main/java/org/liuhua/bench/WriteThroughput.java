package org.liuhua.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * b. Write throughput: hazards POSTed straight to hazard-service by a few concurrent clients (closed loop), then
 * the time until reporting-service counted all of them (outbox relay → Kafka → consumer → read model).
 */
final class WriteThroughput {

    private WriteThroughput() {
    }

    static void run(Bench bench) {
        int clients = Config.integer("bench.b.clients", 4);
        int warmup = Config.integer("bench.b.warmup", 200);
        int count = Config.integer("bench.b.count", 2000);
        Duration limit = Config.seconds("bench.b.limitSeconds", 90);
        Duration countLimit = Config.seconds("bench.b.countLimitSeconds", 120);
        Http hazards = bench.direct("hazard-service", bench.cityAdmin);
        Http reporting = bench.reporting();

        Bench.log("b. write throughput: " + warmup + " warm-up, then " + count + " hazards from " + clients
                + " clients straight to hazard-service");
        long base = Bench.total(reporting);
        long warm = post(bench, hazards, clients, warmup, limit, new Samples(), "b-warmup");
        long warmCounted = Bench.awaitTotal(reporting, base + warm, System.nanoTime(), countLimit, 100);
        if (warmCounted < 0) {
            bench.table.anomaly("b. warm-up: the overview did not reach %d within %d s", base + warm,
                    countLimit.toSeconds());
        }

        base = Bench.total(reporting);
        long[] offsets = bench.hazardOffsets();
        Samples writes = new Samples();
        long first = System.nanoTime();
        long created = post(bench, hazards, clients, count, limit, writes, "b");
        long lastAck = System.nanoTime();
        Bench.Drained drained = bench.drain(base + created, offsets, created, lastAck, countLimit);
        bench.table.row("b. POST /hazards direct, " + clients + " clients", writes, "req/s");
        bench.table.note("b. after the last of %d writes was acknowledged: %s", created, drained.describe());
        if (drained.countedNanos() < 0) {
            long seen = Bench.total(reporting);
            bench.table.anomaly("b. only %d of %d hazards counted %d s after the last write", seen - base, created,
                    countLimit.toSeconds());
        } else {
            long sinceFirst = lastAck - first + drained.countedNanos();
            bench.table.note("b. %d hazards counted %s after the first write: %.0f hazards/s end to end", created,
                    Bench.seconds(sinceFirst), created / (sinceFirst / 1e9));
        }
        // the limit: the same documents, insertOne from as many clients, into the same store
        Samples raw = new Samples();
        double rawRate = StoreLimits.insertOne(bench, StoreLimits.copiesOfHazards(bench, (int) created, "b"), clients,
                raw);
        bench.table.row("b. limit: insertOne of the same docs, " + clients + " clients", raw, "doc/s");
        bench.table.atLeast("b", "b. single reports `POST /hazards`, " + clients + " clients",
                created / writes.wallSeconds(), "`insertOne` of the same documents, " + clients + " clients", rawRate,
                "/s", 0.5);
    }

    /** Posts {@code count} hazards; answers how many were CREATED (201). */
    private static long post(Bench bench, Http hazards, int clients, int count, Duration limit, Samples samples,
                             String scenario) {
        AtomicLong created = new AtomicLong();
        Load.run(clients, count, limit, samples, i -> {
            Http.Response response = hazards.post("/api/v1/hazards", bench.newHazard(scenario, i));
            if (response.status() == 201) {
                created.incrementAndGet();
                bench.hazardsCreated.incrementAndGet();
                return true;
            }
            bench.unexpected("POST /api/v1/hazards (hazard-service)", response);
            return false;
        });
        return created.get();
    }
}
