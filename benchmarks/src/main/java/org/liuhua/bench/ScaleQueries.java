package org.liuhua.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * s. Cockpit and list queries at scale: the reads a city's people make all day — the overview, the town ranking,
 * one establishment's page, a page of the hazard list (city-wide and for one town), one establishment's ledger —
 * timed first at the size the earlier scenarios left, then again after {@link ScaleData} loaded
 * {@code bench.scale.hazards} hazards (and reporting-service applied their events: the consumer's apply rate at
 * scale is noted). Each query is sent sequentially by one client straight to its service, bounded by
 * {@code bench.s.queries} and {@code bench.s.querySeconds}. Target: p99 ≤ 50 ms at scale.
 */
final class ScaleQueries {

    private record Query(String name, String service, String path) {
    }

    private ScaleQueries() {
    }

    static void run(Bench bench) {
        int hazards = Config.integer("bench.scale.hazards", 100_000);
        int establishments = Config.integer("bench.scale.establishments", Math.max(1, hazards / 10));
        Duration applyLimit = Config.seconds("bench.s.applyLimitSeconds", 900);
        ScaleData.Template template = ScaleData.template(bench);
        if (template == null) {
            return;
        }
        long before = Bench.total(bench.reporting());
        Bench.log("s. queries at " + before + " hazards");
        Map<String, Samples> small = measure(bench, queries(template.establishmentId(), "zjg-jinfeng"), "@" + before);

        Bench.log("s. generating " + hazards + " hazards over " + establishments + " establishments");
        long start = System.nanoTime();
        long[] offsets = bench.hazardOffsets();
        long events = ScaleData.load(bench, template, hazards, establishments);
        if (events < 0) {
            return;
        }
        long loaded = System.nanoTime();
        long applied = -1;
        try (KafkaProgress kafka = new KafkaProgress(bench.platform.kafka().bootstrapServers(), "liuhua.hazard",
                Bench.REPORTING_GROUP)) {
            long deadline = System.nanoTime() + applyLimit.toNanos();
            while (System.nanoTime() < deadline) {
                if (kafka.consumed() >= offsets[0] + events) {
                    applied = System.nanoTime();
                    break;
                }
                Bench.sleep(500);
            }
        }
        if (applied < 0) {
            bench.table.anomaly("s. reporting-service had not applied the %d generated events within %d s after the "
                    + "load (the queries below run while it still applies them)", events, applyLimit.toSeconds());
        } else {
            bench.table.note("s. loaded %d hazards in %s; reporting-service had applied all %d events %s after the "
                    + "load began (%.0f events/s over the whole load)", hazards, Bench.seconds(loaded - start),
                    events, Bench.seconds(applied - start), events / ((applied - start) / 1e9));
        }
        long after = Bench.total(bench.reporting());
        Bench.log("s. queries at " + after + " hazards");
        String hotEstablishment = "est-scale-" + bench.runId + "-0";
        Map<String, Samples> large = measure(bench, queries(hotEstablishment, "zjg-yangshe"), "@" + after);
        Http.Response hot = bench.direct("hazard-service", bench.cityAdmin)
                .get("/api/v1/hazards/ledger?establishmentId=" + hotEstablishment + "&size=1");
        bench.table.note("s. the ledger at scale is the busiest generated establishment's (%s): %d hazards (at the "
                + "small size: the template's establishment, 1 hazard)", hotEstablishment,
                hot.status() == 200 ? hot.json().path("totalElements").asLong(-1) : -1);
        for (Map.Entry<String, Samples> entry : large.entrySet()) {
            Samples at = entry.getValue();
            Samples was = small.get(entry.getKey());
            double p99 = at.percentileMillis(99);
            bench.table.absolute("s", "s. " + entry.getKey() + " p99 at " + after + " hazards", p99, "ms",
                    "p99 at " + before + " hazards: " + Table.format(was.percentileMillis(99)) + " ms",
                    p99 / was.percentileMillis(99), "≤ 50 ms", at.count() > 0 && p99 <= 50 && at.errors() == 0);
        }
    }

    private static List<Query> queries(String establishmentId, String townId) {
        List<Query> queries = new ArrayList<>();
        queries.add(new Query("overview", "reporting-service", "/api/v1/stats/overview"));
        queries.add(new Query("town ranking", "reporting-service", "/api/v1/stats/towns"));
        queries.add(new Query("open major hazards page", "reporting-service",
                "/api/v1/stats/hazards?list=open-major&page=0&size=20"));
        queries.add(new Query("hazard list page", "hazard-service", "/api/v1/hazards?page=0&size=20"));
        queries.add(new Query("hazard list of a town", "hazard-service",
                "/api/v1/hazards?townId=" + townId + "&page=0&size=20"));
        queries.add(new Query("ledger of an establishment", "hazard-service",
                "/api/v1/hazards/ledger?establishmentId=" + establishmentId + "&page=0&size=20"));
        return queries;
    }

    private static Map<String, Samples> measure(Bench bench, List<Query> queries, String label) {
        int count = Config.integer("bench.s.queries", 100);
        Duration limit = Config.seconds("bench.s.querySeconds", 15);
        Map<String, Samples> results = new LinkedHashMap<>();
        for (Query query : queries) {
            Http http = bench.direct(query.service(), bench.cityAdmin);
            http.get(query.path());
            Samples samples = new Samples();
            long start = System.nanoTime();
            long deadline = start + limit.toNanos();
            for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
                long t0 = System.nanoTime();
                Http.Response answer = http.get(query.path());
                if (answer.status() == 200) {
                    samples.add(System.nanoTime() - t0);
                } else {
                    bench.unexpected("GET " + query.path(), answer);
                    samples.error();
                }
            }
            samples.wall(System.nanoTime() - start);
            bench.table.row("s. " + query.name() + " " + label, samples, "req/s");
            results.put(query.name(), samples);
        }
        return results;
    }
}
