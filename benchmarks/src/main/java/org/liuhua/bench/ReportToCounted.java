package org.liuhua.bench;

import java.time.Duration;

/**
 * a. The README's promise: a hazard POSTed through the gateway is counted in GET /api/v1/stats/overview
 * (hazards.total) within 2 s. Sequentially, one hazard at a time: the clock starts before the POST and stops at the
 * first overview answer (also through the gateway) whose total includes it.
 */
final class ReportToCounted {

    private static final long PROMISE_NANOS = Duration.ofSeconds(2).toNanos();

    private ReportToCounted() {
    }

    static void run(Bench bench) {
        int warmup = Config.integer("bench.a.warmup", 20);
        int count = Config.integer("bench.a.count", 200);
        long pollMillis = Config.integer("bench.a.pollMillis", 5);
        int thinkMillis = Config.integer("bench.a.thinkMillis", 250);
        Duration perHazardLimit = Config.seconds("bench.a.perHazardLimitSeconds", 10);
        Duration limit = Config.seconds("bench.a.limitSeconds", 150);
        Http api = bench.edge("hazard-service", bench.cityAdmin);
        Http cockpit = bench.edge("reporting-service", bench.cityAdmin);
        Http reporting = bench.reporting();

        Bench.log("a. report → counted: " + warmup + " warm-up, then " + count + " hazards " + bench.edgeName()
                + ", polling reporting-service's overview every " + pollMillis + " ms, a random pause of 0–" + thinkMillis
                + " ms between hazards");
        measure(bench, api, reporting, cockpit, warmup, pollMillis, thinkMillis, perHazardLimit, limit, new Samples(),
                new Samples(), new Samples(), "a-warmup");

        Samples counted = new Samples();
        Samples posts = new Samples();
        Samples overviews = new Samples();
        long started = System.nanoTime();
        int made = measure(bench, api, reporting, cockpit, count, pollMillis, thinkMillis, perHazardLimit, limit,
                counted, posts, overviews, "a");
        counted.wall(System.nanoTime() - started);

        bench.table.row("a. report→counted " + bench.edgeName() + " (sequential)", counted, "haz/s");
        bench.table.row("a.  of which POST /hazards " + bench.edgeName(), posts, "req/s");
        bench.table.row("a.  then GET /stats/overview " + bench.edgeName(), overviews, "req/s");
        long late = counted.above(PROMISE_NANOS);
        bench.table.note("a. %d of %d hazards counted later than 2 s (%d not counted within %d s); mean %.0f ms",
                late + counted.errors(), made, counted.errors(), perHazardLimit.toSeconds(), counted.meanMillis());
        if (late + counted.errors() > 0) {
            bench.table.anomaly("a. the README's 2 s promise was missed for %d of %d hazards", late + counted.errors(),
                    made);
        }
    }

    private static int measure(Bench bench, Http api, Http reporting, Http cockpit, int count, long pollMillis,
                               int thinkMillis, Duration perHazardLimit,
                               Duration limit, Samples counted, Samples posts, Samples overviews, String scenario) {
        long deadline = System.nanoTime() + limit.toNanos();
        long expected = Bench.total(reporting);
        int made = 0;
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            // reports arrive independently of the relay's polling cycle, not right after the previous count
            Bench.sleep(thinkMillis <= 0 ? 0 : random.nextInt(thinkMillis + 1));
            made++;
            long t0 = System.nanoTime();
            Http.Response created = api.post("/api/v1/hazards", bench.newHazard(scenario, i));
            long posted = System.nanoTime();
            if (created.status() != 201) {
                bench.unexpected("POST /api/v1/hazards (gateway)", created);
                posts.error();
                counted.error();
                continue;
            }
            posts.add(posted - t0);
            bench.hazardsCreated.incrementAndGet();
            expected++;
            long until = posted + perHazardLimit.toNanos();
            boolean seen = false;
            while (System.nanoTime() < until) {
                Http.Response overview = reporting.get("/api/v1/stats/overview");
                long q1 = System.nanoTime();
                if (overview.status() != 200) {
                    bench.unexpected("GET /api/v1/stats/overview (reporting-service)", overview);
                } else if (overview.json().path("hazards").path("total").asLong(-1) >= expected) {
                    counted.add(q1 - t0);
                    seen = true;
                    break;
                }
                Bench.sleep(pollMillis);
            }
            if (!seen) {
                counted.error();
                Bench.log("a. hazard " + i + " not counted within " + perHazardLimit.toSeconds() + " s");
                expected = Math.max(expected - 1, Bench.total(reporting));
                continue;
            }
            // what the cockpit then reads, through the same edge as the report (one read per hazard)
            long q0 = System.nanoTime();
            Http.Response seenByCockpit = cockpit.get("/api/v1/stats/overview");
            if (seenByCockpit.status() == 200
                    && seenByCockpit.json().path("hazards").path("total").asLong(-1) >= expected) {
                overviews.add(System.nanoTime() - q0);
            } else {
                bench.unexpected("GET /api/v1/stats/overview (" + bench.edgeName() + ")", seenByCockpit);
                overviews.error();
            }
        }
        if (made < count) {
            Bench.log("a. stopped after " + made + " of " + count + ": time limit " + limit + " reached");
        }
        return made;
    }
}
