package org.liuhua.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.liuhua.platform.Platform;

/**
 * k. Soak (off unless {@code bench.soak.minutes} > 0): a mixed load at fixed rates through the gateway for that many
 * minutes — single reports ({@code bench.soak.reportsPerSecond}, default 10), cockpit reads of the overview
 * ({@code bench.soak.readsPerSecond}, 14), whole offline patrols synced by an inspector's app
 * ({@code bench.soak.patrolsPerSecond}, 3; 8 check-ins each) and a third-party firm's batches of findings
 * ({@code bench.soak.intakeBatch} findings, 100, every {@code bench.soak.intakeEverySeconds}, 5) — while every 10 s
 * the RSS of each process and reporting-service's consumer lag on {@code liuhua.hazard} are sampled. The defaults are
 * an eighth of each part's peak measured alone (b 81 reports/s, h 115 reads/s, d 26 patrols/s, c 170 findings/s):
 * four parts at an eighth each is half of the measured peak, shared by the same 2 cores.
 * Reported: errors (target 0), each process's RSS at the end over its RSS after the first minute (flat: ≤ 1.10), the
 * consumer lag at the end, and the series as sparklines in the notes.
 */
final class Soak {

    private Soak() {
    }

    static void run(Bench bench, List<String> processes) {
        int minutes = Config.integer("bench.soak.minutes", 0);
        if (minutes <= 0) {
            return;
        }
        double reports = Double.parseDouble(Config.text("bench.soak.reportsPerSecond", "10"));
        double reads = Double.parseDouble(Config.text("bench.soak.readsPerSecond", "14"));
        double patrols = Double.parseDouble(Config.text("bench.soak.patrolsPerSecond", "3"));
        int intakeBatch = Config.integer("bench.soak.intakeBatch", 100);
        int intakeEvery = Config.integer("bench.soak.intakeEverySeconds", 5);
        Http api = bench.edge("hazard-service", bench.cityAdmin);
        Http cockpit = bench.edge("reporting-service", bench.cityAdmin);
        Http app = PatrolSync.app(bench);
        Http firm = ThirdPartyIntake.firm(bench);
        List<String> patrolled = PatrolSync.setUp(bench, bench.direct("grid-service", bench.cityAdmin), 8);
        int batches = intakeEvery > 0 ? minutes * 60 / intakeEvery + 1 : 0;
        List<List<String>> contracted = ThirdPartyIntake.contracted(bench,
                bench.direct("hazard-service", bench.cityAdmin), "k-", batches, intakeBatch, intakeBatch);
        if (patrolled == null || contracted == null) {
            bench.table.anomaly("k. soak not run: its set-up failed");
            return;
        }
        Instant day = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Bench.log(String.format(Locale.ROOT, "k. soak: %d min, %.1f reports/s, %.1f overview reads/s, %.1f patrols/s,"
                + " %d findings every %d s, %s", minutes, reports, reads, patrols, intakeBatch, intakeEvery,
                bench.edgeName()));
        Samples reportSamples = new Samples();
        Samples readSamples = new Samples();
        Samples patrolSamples = new Samples();
        Samples intakeSamples = new Samples();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        long start = System.nanoTime();
        long end = start + Duration.ofMinutes(minutes).toNanos();
        Map<String, List<Long>> rss = new LinkedHashMap<>();
        processes.forEach(p -> rss.put(p, new ArrayList<>()));
        List<Long> lag = new ArrayList<>();
        long reportInterval = (long) (1e9 / reports);
        long readInterval = (long) (1e9 / reads);
        long patrolInterval = patrols > 0 ? (long) (1e9 / patrols) : Long.MAX_VALUE / 2;
        long intakeInterval = intakeEvery > 0 ? Duration.ofSeconds(intakeEvery).toNanos() : Long.MAX_VALUE / 2;
        long nextReport = start;
        long nextRead = start;
        long nextPatrol = start;
        long nextIntake = start;
        long nextSample = start;
        int n = 0;
        int p = 0;
        int b = 1;
        try (KafkaProgress kafka = new KafkaProgress(bench.platform.kafka().bootstrapServers(), "liuhua.hazard",
                Bench.REPORTING_GROUP)) {
            while (System.nanoTime() < end) {
                long now = System.nanoTime();
                if (now >= nextReport) {
                    int i = n++;
                    pool.execute(() -> timed(reportSamples, errors, () -> {
                        Http.Response r = api.post("/api/v1/hazards", bench.newHazard("k", i));
                        if (r.status() == 201) {
                            bench.hazardsCreated.incrementAndGet();
                            return true;
                        }
                        bench.unexpected("soak POST /api/v1/hazards", r);
                        return false;
                    }));
                    nextReport += reportInterval;
                }
                if (now >= nextRead) {
                    pool.execute(() -> timed(readSamples, errors, () -> {
                        Http.Response r = cockpit.get("/api/v1/stats/overview");
                        if (r.status() != 200) {
                            bench.unexpected("soak GET /api/v1/stats/overview", r);
                        }
                        return r.status() == 200;
                    }));
                    nextRead += readInterval;
                }
                if (now >= nextPatrol) {
                    int i = p++;
                    pool.execute(() -> timed(patrolSamples, errors, () -> PatrolSync.sync(bench, app, "k" + i, day,
                            patrolled, 30)));
                    nextPatrol += patrolInterval;
                }
                if (now >= nextIntake && b < contracted.size()) {
                    int batch = b++;
                    pool.execute(() -> timed(intakeSamples, errors, () -> {
                        Samples own = new Samples();
                        long created = ThirdPartyIntake.push(bench, firm, contracted.get(batch), "k-" + batch, own);
                        return own.errors() == 0 && created == contracted.get(batch).size();
                    }));
                    nextIntake += intakeInterval;
                }
                if (now >= nextSample) {
                    for (String process : processes) {
                        OptionalLong pid = Processes.pidOf(process + "-" + Platform.VERSION + ".jar");
                        rss.get(process).add(pid.isPresent() ? Processes.rssKilobytes(pid.getAsLong()) : -1);
                    }
                    lag.add(Math.max(0, kafka.appended() - kafka.consumed()));
                    nextSample += Duration.ofSeconds(10).toNanos();
                }
                Bench.sleep(1);
            }
        }
        pool.shutdown();
        try {
            pool.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reportSamples.wall(System.nanoTime() - start);
        readSamples.wall(System.nanoTime() - start);
        bench.table.row("k. soak POST /hazards " + bench.edgeName(), reportSamples, "req/s");
        bench.table.row("k. soak GET /stats/overview " + bench.edgeName(), readSamples, "req/s");
        patrolSamples.wall(System.nanoTime() - start);
        intakeSamples.wall(System.nanoTime() - start);
        bench.table.row("k. soak POST /patrols/sync " + bench.edgeName(), patrolSamples, "patrol/s");
        bench.table.row("k. soak intake batches of " + intakeBatch + " " + bench.edgeName(), intakeSamples,
                "batch/s");
        long calls = reportSamples.count() + readSamples.count() + patrolSamples.count() + intakeSamples.count();
        bench.table.absolute("k", "k. soak errors (" + minutes + " min)", errors.get(), "errors",
                calls + " calls", Double.NaN, "0", errors.get() == 0);
        int afterFirstMinute = Math.min(6, lag.size() - 1);
        for (Map.Entry<String, List<Long>> entry : rss.entrySet()) {
            List<Long> series = entry.getValue();
            long first = series.get(Math.max(0, afterFirstMinute));
            long last = series.get(series.size() - 1);
            bench.table.atMost("k", "k. soak RSS " + entry.getKey() + " at the end", last / 1024.0,
                    "after the first minute", first / 1024.0, "MB", 1.10);
            bench.table.note("k. RSS %-18s %s", entry.getKey(), Table.sparkline(toArray(series), 60));
        }
        bench.table.absolute("k", "k. soak consumer lag at the end", lag.get(lag.size() - 1), "events",
                "max during the soak: " + lag.stream().mapToLong(Long::longValue).max().orElse(0), Double.NaN,
                "≤ one batch + 2 s of reports",
                lag.get(lag.size() - 1) <= Math.max(10, intakeBatch + reports * 2));
        bench.table.note("k. consumer lag %s", Table.sparkline(toArray(lag), 60));
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static void timed(Samples samples, AtomicLong errors, java.util.function.BooleanSupplier call) {
        long t0 = System.nanoTime();
        boolean ok;
        try {
            ok = call.getAsBoolean();
        } catch (RuntimeException e) {
            ok = false;
        }
        if (ok) {
            samples.add(System.nanoTime() - t0);
        } else {
            samples.error();
            errors.incrementAndGet();
        }
    }
}
