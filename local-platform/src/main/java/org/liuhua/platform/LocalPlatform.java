package org.liuhua.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.liuhua.platform.demo.DemoData;
import org.liuhua.platform.keycloak.KeycloakRunner;

/**
 * The run command: the whole platform on this machine with demo data. Data is kept in one folder
 * ({@code LIUHUA_DATA_DIR}, default {@code .data}); {@code --reset} deletes it first. Stops cleanly on SIGINT or
 * SIGTERM with every process it started. Reads nothing from standard input.
 */
public final class LocalPlatform {

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path repoRoot = Path.of(System.getProperty("liuhua.repo", ".")).toAbsolutePath().normalize();
        if (List.of(args).contains("--prepare")) {
            prepare(repoRoot);
            return;
        }
        Path dataDir = Path.of(env("LIUHUA_DATA_DIR", repoRoot.resolve(".data").toString()));
        for (String arg : args) {
            if (arg.equals("--reset")) {
                deleteRecursively(dataDir);
                log("data folder " + dataDir + " reset");
            }
        }
        Files.createDirectories(dataDir);
        Ports ports = Ports.standard();
        Platform platform = new Platform(repoRoot, dataDir, ports, Platform.SERVICES,
                data -> KeycloakIdentity.start(repoRoot, data, ports.keycloak()), Platform.localJvmOptions());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping the platform …");
            platform.close();
            log("stopped");
            stopped.countDown();
        }, "liuhua-shutdown"));

        log("starting Kafka (127.0.0.1:" + ports.kafka() + "), MongoDB stand-in (127.0.0.1:" + ports.mongo()
                + "), Keycloak (localhost:" + ports.keycloak() + "), five services and the gateway …");
        platform.start(Duration.ofSeconds(Long.parseLong(env("LIUHUA_START_TIMEOUT_SECONDS", "240"))));
        log(String.format("platform up in %.0f s", (System.nanoTime() - started) / 1e9));

        DemoData.loadOnFirstStart(platform);
        printSummary(platform, dataDir, (System.nanoTime() - started) / 1e9);
        stopped.await();
    }

    /**
     * The run command's last build step (ADR 16), each part only when what it is made from changed: the services' and
     * the gateway's class-data archives ({@link ClassData}), made with a broker and a store of their own on free ports
     * in a temporary folder, and beside them Keycloak's database with the realm imported, for new data folders.
     */
    private static void prepare(Path repoRoot) throws IOException {
        long started = System.nanoTime();
        Path realm = repoRoot.resolve("deploy").resolve("keycloak").resolve("liuhua-realm.json");
        Path scratch = Files.createTempDirectory("liuhua-prepare-");
        CompletableFuture<Boolean> keycloak = CompletableFuture.supplyAsync(() -> KeycloakRunner
                .prepareInitialDatabase(realm, scratch.resolve("keycloak"), Ports.freePort(), Duration.ofSeconds(300)));
        Path dataDir = scratch.resolve("class-data");
        Platform platform = new Platform(repoRoot, dataDir, Ports.free(), Platform.SERVICES,
                data -> IdentityProvider.keys("http://127.0.0.1:9/unused", "http://127.0.0.1:9/unused/certs"),
                Platform.localJvmOptions());
        Thread stop = new Thread(() -> {
            platform.close();
            deleteQuietly(scratch);
        }, "liuhua-prepare-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        // neither is needed to run the platform: a failure is reported and the platform starts without it
        try {
            List<String> archived = platform.prepareClassData(Duration.ofSeconds(300));
            if (!archived.isEmpty()) {
                log(String.format("class-data archives of %s made in %.0f s", archived,
                        (System.nanoTime() - started) / 1e9));
            }
        } catch (RuntimeException e) {
            log("WARN: " + e.getMessage() + " — the services start without class-data archives");
        } finally {
            platform.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // stopped by a signal: the hook stops the same processes
            }
        }
        try {
            if (keycloak.join()) {
                log(String.format("Keycloak's database with the realm imported kept in %.0f s",
                        (System.nanoTime() - started) / 1e9));
            }
        } catch (RuntimeException e) {
            log("WARN: could not keep Keycloak's database with the realm imported (" + e.getMessage()
                    + ") — new data folders import the realm themselves");
        }
        deleteQuietly(scratch);
    }

    /** Best effort: a process stopped meanwhile may still be writing into the folder. */
    private static void deleteQuietly(Path dir) {
        try {
            deleteRecursively(dir);
        } catch (IOException | UncheckedIOException e) {
            log("WARN: could not delete " + dir + ": " + e);
        }
    }

    private static void printSummary(Platform platform, Path dataDir, double seconds) {
        Ports p = platform.ports();
        String summary = """

                ─────────────────────────────────────────────────────────────────────
                 Liuhua (六化) is running  (ready in %.0f s)
                   API gateway        http://localhost:%d/api/v1/…   readiness: /readyz
                   Keycloak (realm)   http://localhost:%d/realms/liuhua   (demo users: password liuhua)
                   Token (demo firm)  curl -d grant_type=client_credentials -d client_id=demo-firm \\
                                        -d client_secret=demo-firm-secret \\
                                        http://localhost:%d/realms/liuhua/protocol/openid-connect/token
                   Services           grid :%d  hazard :%d  training :%d  manual :%d  reporting :%d
                   Metrics, health    %s
                   (every process listens on 127.0.0.1 only; the actuator on a port of its own)
                   Kafka              127.0.0.1:%d      MongoDB stand-in  127.0.0.1:%d
                   Data folder        %s   (reset: ./run-platform.sh --reset)
                   Logs               %s
                 Stop with Ctrl-C (or SIGTERM): every process started here is stopped.
                ─────────────────────────────────────────────────────────────────────
                """.formatted(seconds, p.gateway(), p.keycloak(), p.keycloak(), p.grid(), p.hazard(), p.training(),
                p.manual(), p.reporting(), managementUrls(platform), p.kafka(), p.mongo(), dataDir,
                dataDir.resolve("logs"));
        System.out.println(summary);
    }

    /** Each process's actuator (/actuator/prometheus, /actuator/health), on its own loopback port. */
    private static String managementUrls(Platform platform) {
        StringBuilder urls = new StringBuilder();
        for (String name : java.util.stream.Stream.concat(Platform.SERVICES.stream(), java.util.stream.Stream.of(
                "gateway")).toList()) {
            urls.append(urls.isEmpty() ? "" : "\n                                    ")
                    .append(name).append(' ').append(platform.service(name).managementUrl()).append("/actuator");
        }
        return urls.toString();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void log(String message) {
        System.out.println("[liuhua] " + message);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
