package org.liuhua.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.liuhua.kit.test.TestTokens;

/**
 * d. Offline patrol sync (grid-service): an inspector's app sends whole patrols recorded offline — start, a GPS
 * track, check-ins at establishments (all within proof distance) and completion — one request each, through the
 * gateway. Set-up (town, village, grid, unit, department, establishments, the inspector and the binding) is not
 * measured.
 */
final class PatrolSync {

    static final String TOWN = "zjg-bench";
    static final String UNIT = TOWN + "-v01-g1-u1";
    static final String INSPECTOR = "insp-bench-01";
    static final double LAT = 31.9380;
    static final double LON = 120.6250;

    private PatrolSync() {
    }

    static void run(Bench bench) {
        int clients = Config.integer("bench.d.clients", 2);
        int warmup = Config.integer("bench.d.warmup", 20);
        int count = Config.integer("bench.d.count", 300);
        int checkIns = Config.integer("bench.d.checkIns", 8);
        int trackPoints = Config.integer("bench.d.trackPoints", 30);
        Duration limit = Config.seconds("bench.d.limitSeconds", 90);
        Http admin = bench.direct("grid-service", bench.cityAdmin);
        Http app = app(bench);

        Bench.log("d. patrol sync: " + warmup + " warm-up, then " + count + " patrols with " + checkIns
                + " check-ins and " + trackPoints + " track points each, " + clients + " clients " + bench.edgeName());
        List<String> establishments = setUp(bench, admin, checkIns);
        if (establishments == null) {
            return;
        }
        Instant day = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Samples warm = new Samples();
        Load.run(clients, warmup, limit, warm, i -> sync(bench, app, "w" + i, day, establishments,
                trackPoints));
        Samples samples = new Samples();
        Load.run(clients, count, limit, samples, i -> sync(bench, app, "m" + i, day, establishments,
                trackPoints));
        bench.table.row("d. POST /patrols/sync " + bench.edgeName() + ", " + clients + " clients", samples, "patrol/s");
        bench.table.note("d. %d patrols synced at %.1f patrols/s (%.0f check-ins/s)", samples.count(),
                samples.count() / samples.wallSeconds(), samples.count() * checkIns / samples.wallSeconds());
        Http.Response stored = admin.get("/api/v1/patrols?inspectorId=" + INSPECTOR + "&size=1");
        long total = stored.status() == 200 ? stored.json().path("totalElements").asLong(-1) : -1;
        long expected = warm.count() + samples.count();
        if (total < expected) {
            bench.table.anomaly("d. grid-service lists %d patrols of the inspector, expected at least %d (%s)", total,
                    expected, stored);
        }
    }

    /** The inspector's app, through the edge. */
    static Http app(Bench bench) {
        return bench.edge("grid-service", new Tokens(() -> TestTokens.user("inspector-bench", List.of("INSPECTOR"),
                Map.of("inspector_id", INSPECTOR, "town_id", TOWN))));
    }

    static boolean sync(Bench bench, Http app, String suffix, Instant day, List<String> establishments,
                                int trackPoints) {
        String id = "p-" + bench.runId + "-" + suffix;
        Instant started = day.plusSeconds(Math.abs(suffix.hashCode() % 3600));
        List<Map<String, Object>> track = new ArrayList<>();
        for (int t = 0; t < trackPoints; t++) {
            track.add(Map.of("lat", LAT + t * 0.00001, "lon", LON, "deviceTime",
                    started.plusSeconds(10L * t).toString()));
        }
        List<Map<String, Object>> checkIns = new ArrayList<>();
        for (int k = 0; k < establishments.size(); k++) {
            checkIns.add(Map.of("id", id + "-c" + k, "establishmentId", establishments.get(k),
                    "lat", LAT + k * 0.0002, "lon", LON, "deviceTime", started.plusSeconds(300L + 120L * k).toString()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("unitId", UNIT);
        body.put("startedAt", started.toString());
        body.put("completedAt", started.plusSeconds(3600).toString());
        body.put("track", track);
        body.put("checkIns", checkIns);
        body.put("findings", List.of());
        Http.Response answer = app.post("/api/v1/patrols/sync", body);
        if (answer.status() != 200) {
            bench.unexpected("POST /api/v1/patrols/sync", answer);
            return false;
        }
        var patrol = answer.json();
        if (!"COMPLETED".equals(patrol.path("state").asString(""))
                || patrol.path("provenEstablishmentIds").size() != establishments.size()) {
            bench.unexpected("POST /api/v1/patrols/sync (not completed with every check-in proven)", answer);
            return false;
        }
        return true;
    }

    /**
     * The piece of the city the patrols walk through; answers the establishment ids, or null when it failed. Run a
     * second time (the soak after d) it finds everything there already (409) and answers the same ids.
     */
    static List<String> setUp(Bench bench, Http admin, int establishments) {
        List<Object[]> steps = new ArrayList<>();
        steps.add(new Object[]{"/api/v1/towns", Map.of("id", TOWN, "name", "基准镇", "kind", "TOWN",
                "safetyStaff", 8, "fireStaff", 4)});
        steps.add(new Object[]{"/api/v1/departments", Map.of("id", "dept-emergency", "name", "应急管理局")});
        steps.add(new Object[]{"/api/v1/villages", Map.of("id", TOWN + "-v01", "townId", TOWN, "name", "基准村")});
        steps.add(new Object[]{"/api/v1/grids", Map.of("id", TOWN + "-v01-g1", "villageId", TOWN + "-v01",
                "name", "网格 1")});
        steps.add(new Object[]{"/api/v1/patrol-units", Map.of("id", UNIT, "gridId", TOWN + "-v01-g1",
                "name", "单元 1", "kind", "GENERAL")});
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < establishments; k++) {
            String id = "est-bench-" + bench.runId + "-d-" + k;
            ids.add(id);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", id);
            e.put("name", "基准企业 " + k);
            e.put("kind", "INDUSTRIAL");
            e.put("industry", "MACHINERY");
            e.put("departmentId", "dept-emergency");
            e.put("unitId", UNIT);
            e.put("riskLevel", "GENERAL");
            e.put("flags", List.of());
            e.put("employeeCount", 20);
            e.put("address", "基准镇 " + k + " 号");
            e.put("latitude", LAT + k * 0.0002);
            e.put("longitude", LON);
            steps.add(new Object[]{"/api/v1/establishments", e});
        }
        steps.add(new Object[]{"/api/v1/inspectors", Map.of("id", INSPECTOR, "name", "基准巡查员",
                "employment", "FULL_TIME", "townId", TOWN, "phone", "13800000000")});
        steps.add(new Object[]{"/api/v1/inspectors/" + INSPECTOR + "/bindings", Map.of("unitId", UNIT,
                "since", "2025-01-01")});
        for (Object[] step : steps) {
            Http.Response r = admin.post((String) step[0], step[1]);
            if (r.status() != 200 && r.status() != 201 && r.status() != 409) {
                bench.unexpected("POST " + step[0] + " (set-up)", r);
                bench.table.anomaly("d. set-up failed at %s: %s", step[0], r);
                return null;
            }
        }
        return ids;
    }
}
