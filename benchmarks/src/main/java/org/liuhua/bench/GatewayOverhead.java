package org.liuhua.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.liuhua.kit.test.TestTokens;

/**
 * h. What the gateway adds: the same read ({@code GET /api/v1/stats/overview}, served by reporting-service from one
 * document) from the same number of closed-loop clients, through the gateway and straight to the service, one after
 * the other. The calls rotate over many users' tokens, so the gateway's per-user rate limit (50/s) does not throttle
 * the measurement (it is a limit on one caller, not on the gateway). Targets: ≤ 2 ms added at p50 and ≥ 0.6 × the
 * direct throughput.
 */
final class GatewayOverhead {

    private static final String PATH = "/api/v1/stats/overview";

    private GatewayOverhead() {
    }

    static void run(Bench bench) {
        int clients = Config.integer("bench.h.clients", 4);
        int count = Config.integer("bench.h.count", 2000);
        int warmup = Config.integer("bench.h.warmup", 300);
        Duration limit = Config.seconds("bench.h.limitSeconds", 60);
        Supplier<String> tokens = rotatingTokens(64);
        Http gateway = new Http("http://127.0.0.1:" + bench.platform.port("gateway"), tokens);
        Http direct = new Http("http://127.0.0.1:" + bench.platform.port("reporting-service"), tokens);
        Bench.log("h. gateway: " + count + " × GET " + PATH + " from " + clients + " clients via the gateway and "
                + "direct");
        call(bench, gateway, clients, warmup, limit, new Samples());
        call(bench, direct, clients, warmup, limit, new Samples());
        Samples viaGateway = new Samples();
        Samples straight = new Samples();
        call(bench, gateway, clients, count, limit, viaGateway);
        call(bench, direct, clients, count, limit, straight);
        bench.table.row("h. GET " + PATH + " via gateway, " + clients + " clients", viaGateway, "req/s");
        bench.table.row("h. GET " + PATH + " direct, " + clients + " clients", straight, "req/s");

        double added50 = viaGateway.percentileMillis(50) - straight.percentileMillis(50);
        double added99 = viaGateway.percentileMillis(99) - straight.percentileMillis(99);
        bench.table.absolute("h", "h. gateway adds at p50 (" + clients + " clients)", added50, "ms",
                "direct p50: " + Table.format(straight.percentileMillis(50)) + " ms",
                viaGateway.percentileMillis(50) / straight.percentileMillis(50), "≤ 2 ms", added50 <= 2);
        bench.table.absolute("h", "h. gateway adds at p99", added99, "ms",
                "direct p99: " + Table.format(straight.percentileMillis(99)) + " ms",
                viaGateway.percentileMillis(99) / straight.percentileMillis(99), "—", true);
        bench.table.atLeast("h", "h. throughput via gateway, " + clients + " clients",
                viaGateway.count() / viaGateway.wallSeconds(), "direct to the service, " + clients + " clients",
                straight.count() / straight.wallSeconds(), "req/s", 0.6);
    }

    private static void call(Bench bench, Http http, int clients, int count, Duration limit, Samples samples) {
        Load.run(clients, count, limit, samples, i -> {
            Http.Response answer = http.get(PATH);
            if (answer.status() == 200) {
                return true;
            }
            bench.unexpected("GET " + PATH, answer);
            return false;
        });
    }

    /** Tokens of {@code users} different city administrators, handed out in turn. */
    private static Supplier<String> rotatingTokens(int users) {
        List<Tokens> pool = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String name = "bench-h-" + u;
            pool.add(new Tokens(() -> TestTokens.user(name, "CITY_ADMIN")));
        }
        AtomicInteger next = new AtomicInteger();
        return () -> pool.get(Math.floorMod(next.getAndIncrement(), users)).get();
    }
}
