package org.liuhua.bench;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.liuhua.kit.test.TestTokens;
import org.liuhua.platform.Platform;

/** What every scenario needs: the running platform, clients to the gateway and to the services, the result table. */
final class Bench {

    static final String TOWN = "zjg-jinfeng";
    /** reporting-service's live consumer group: generation 1 of its read models on a fresh platform (ADR 9). */
    static final String REPORTING_GROUP = "reporting-service-v1";
    private static final java.time.format.DateTimeFormatter CLOCK =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

    final Platform platform;
    final Table table;
    final Tokens cityAdmin = new Tokens(() -> TestTokens.user("city-admin", "CITY_ADMIN"));
    /** Hazards the platform answered CREATED for (the overview must end at exactly this total). */
    final AtomicLong hazardsCreated = new AtomicLong();
    final String runId = Long.toString(System.currentTimeMillis(), 36);
    private int shownErrors;

    Bench(Platform platform, Table table) {
        this.platform = platform;
        this.table = table;
    }

    /** False with -Dbench.bypassGateway=true: the "edge" calls then go straight to the owning service. */
    private boolean viaGateway = !Config.flag("bench.bypassGateway");

    /** How clients call: through the gateway (or, bypassing it, straight to {@code service}). */
    Http edge(String service, Tokens token) {
        return viaGateway ? new Http("http://127.0.0.1:" + platform.port("gateway"), token) : direct(service, token);
    }

    /**
     * Checks that the gateway passes a valid token through (a GET of the overview → 200, a POST of an incomplete
     * hazard → 400 from hazard-service); when it does not, records that and sends this run's edge calls straight
     * to the services, so the scenarios still measure the services.
     */
    void probeGateway() {
        if (!viaGateway) {
            return;
        }
        Http gateway = edge("hazard-service", cityAdmin);
        Http.Response read = gateway.get("/api/v1/stats/overview");
        Http.Response write = gateway.post("/api/v1/hazards", Map.of("establishmentId", "est-probe", "townId", TOWN,
                "category", "FIRE_SAFETY", "source", "LAW_ENFORCEMENT"));
        if (read.status() != 200 || write.status() != 400) {
            table.anomaly("the gateway refused a valid token (GET /api/v1/stats/overview → %s; POST /api/v1/hazards "
                    + "without description → %s, expected 400 from hazard-service): this run bypasses the gateway",
                    read, write);
            viaGateway = false;
        }
    }

    String edgeName() {
        return viaGateway ? "via gateway" : "direct";
    }

    /** Straight to one service, bypassing the gateway. */
    Http direct(String service, Tokens token) {
        return new Http("http://127.0.0.1:" + platform.port(service), token);
    }

    Http reporting() {
        return direct("reporting-service", cityAdmin);
    }

    /** A new hazard the service answers CREATED for: its establishment is unique, so nothing joins or deduplicates. */
    Map<String, Object> newHazard(String scenario, int i) {
        return Map.of("establishmentId", "est-bench-" + runId + "-" + scenario + "-" + i, "townId", TOWN,
                "category", "FIRE_SAFETY", "source", "LAW_ENFORCEMENT", "description",
                "benchmark " + scenario + " #" + i + "：消防通道堵塞");
    }

    /** hazards.total of the overview, or -1 when it did not answer 200. */
    static long total(Http api) {
        Http.Response overview = api.get("/api/v1/stats/overview");
        if (overview.status() != 200) {
            return -1;
        }
        return overview.json().path("hazards").path("total").asLong(-1);
    }

    /**
     * Polls the overview until hazards.total reaches {@code target} or {@code limit} passed; answers the nanos it
     * took from {@code sinceNanos}, or -1 when the target was not reached.
     */
    static long awaitTotal(Http api, long target, long sinceNanos, Duration limit, long pollMillis) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long seen = total(api);
            long now = System.nanoTime();
            if (seen >= target) {
                return now - sinceNanos;
            }
            if (now > deadline) {
                return -1;
            }
            sleep(pollMillis);
        }
    }

    /** How long after {@code since} the relay had appended, the consumer committed, the overview counted. */
    record Drained(long appendedNanos, long consumedNanos, long countedNanos) {

        String describe() {
            return "relay appended them to Kafka " + seconds(appendedNanos) + ", reporting-service's consumer "
                    + "committed them " + seconds(consumedNanos) + ", the overview counted them " + seconds(countedNanos);
        }
    }

    /** Starts watching liuhua.hazard: the offsets now, so {@link #drain} can tell when {@code events} more arrived. */
    long[] hazardOffsets() {
        try (KafkaProgress kafka = new KafkaProgress(platform.kafka().bootstrapServers(), "liuhua.hazard",
                REPORTING_GROUP)) {
            return new long[]{kafka.appended(), kafka.consumed()};
        }
    }

    /**
     * Waits (bounded) until the overview counts {@code targetTotal}, noting when the relay had appended and the
     * consumer committed {@code events} more records than at {@code offsetsBefore}. Times are from {@code since}.
     */
    Drained drain(long targetTotal, long[] offsetsBefore, long events, long since, Duration limit) {
        Http api = reporting();
        long deadline = System.nanoTime() + limit.toNanos();
        long appended = -1;
        long consumed = -1;
        long counted = -1;
        try (KafkaProgress kafka = new KafkaProgress(platform.kafka().bootstrapServers(), "liuhua.hazard",
                REPORTING_GROUP)) {
            long appendTarget = offsetsBefore[0] + events;
            while (System.nanoTime() < deadline) {
                if (appended < 0 && kafka.appended() >= appendTarget) {
                    appended = System.nanoTime() - since;
                }
                if (consumed < 0 && appended >= 0 && kafka.consumed() >= appendTarget) {
                    consumed = System.nanoTime() - since;
                }
                if (counted < 0 && total(api) >= targetTotal) {
                    counted = System.nanoTime() - since;
                }
                if (appended >= 0 && consumed >= 0 && counted >= 0) {
                    break;
                }
                sleep(100);
            }
        }
        return new Drained(appended, consumed, counted);
    }

    /** Logs the first few unexpected answers of the run, so a defect shows what the platform said. */
    synchronized void unexpected(String what, Http.Response response) {
        if (shownErrors++ < 8) {
            log("unexpected answer to " + what + ": " + response);
        }
    }

    static void sleep(long millis) {
        if (millis <= 0) {
            Thread.onSpinWait();
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    static void log(String message) {
        System.out.println("[bench " + LocalTime.now().format(CLOCK) + "] " + message);
    }

    static String seconds(long nanos) {
        return nanos < 0 ? "never" : String.format(java.util.Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    /** The scenarios of this run ({@code bench.scenarios}, default all). */
    static java.util.Set<String> scenarios() {
        return java.util.stream.Stream.of(Config.text("bench.scenarios", "a,b,c,d,e,f,g,h,s").split(","))
                .map(String::trim).collect(java.util.stream.Collectors.toSet());
    }

    /** The services the run starts: manual-service only when its scenario (f, card rendering) runs. */
    static List<String> services() {
        return scenarios().contains("f")
                ? List.of("grid-service", "hazard-service", "reporting-service", "manual-service")
                : List.of("grid-service", "hazard-service", "reporting-service");
    }
}
