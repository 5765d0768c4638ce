package org.liuhua.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.liuhua.kit.test.TestHttp;
import org.liuhua.platform.KeycloakIdentity;
import org.liuhua.platform.Platform;
import org.liuhua.platform.Ports;
import org.liuhua.platform.keycloak.Tokens;

/**
 * One platform per test JVM, started the way the run command starts it (the same {@link Platform} class): Kafka
 * and the MongoDB stand-in in this process, the real Keycloak with the realm as code, every service and the
 * gateway as separate processes, on free ports so the tests pass while a platform runs on the standard ones.
 * Tokens are real Keycloak tokens. Stopped when the JVM ends, leaving only its logs in the temporary folder.
 */
public final class RunningPlatform {

    private static Platform platform;
    private static final Map<String, Supplier<String>> TOKENS = new ConcurrentHashMap<>();

    private RunningPlatform() {
    }

    /**
     * The tests' webhook receiver, bound (to a port of the system's choosing) for the whole test JVM before the
     * platform starts, so no other process can take its port: the one loopback port hazard-service accepts as a
     * webhook here. Tests add a context of their own and remove it.
     */
    public static final com.sun.net.httpserver.HttpServer WEBHOOK_RECEIVER = webhookReceiver();

    public static final int WEBHOOK_RECEIVER_PORT = WEBHOOK_RECEIVER.getAddress().getPort();

    private static com.sun.net.httpserver.HttpServer webhookReceiver() {
        try {
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static synchronized Platform get() {
        if (platform == null) {
            try {
                Path repoRoot = Path.of(System.getProperty("liuhua.repo", "..")).toAbsolutePath().normalize();
                Path dataDir = Files.createTempDirectory("liuhua-e2e-");
                Ports ports = Ports.free();
                Platform started = new Platform(repoRoot, dataDir, ports,
                        List.of("grid-service", "hazard-service", "reporting-service", "training-service",
                                "manual-service"),
                        data -> KeycloakIdentity.start(repoRoot, data, ports.keycloak()),
                        Platform.localJvmOptions());
                // the one loopback port a firm's webhook may name here: the tests' own receiver
                started.environment("hazard-service", Map.of("LIUHUA_HAZARD_WEBHOOKS_LOOPBACKPORTS",
                        String.valueOf(WEBHOOK_RECEIVER_PORT)));
                // as deploy/ sets it for replicas (ADR 14): the fault matrix runs a second hazard-service, whose writes
                // the lease holder's sweep publishes, so the holder must not back off for minutes while quiet
                for (String service : List.of("grid-service", "hazard-service", "reporting-service", "training-service",
                        "manual-service")) {
                    started.environment(service, Map.of("LIUHUA_OUTBOX_QUIETSWEEPINTERVAL", "2s"));
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    // the logs stay in the temporary folder; the broker's, the store's and Keycloak's data go
                    started.deleteDataKeepingLogs();
                }));
                started.start(Duration.ofSeconds(Long.getLong("liuhua.e2e.startSeconds", 300)));
                platform = started;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return platform;
    }

    /** A demo user's real token (password grant through the CLI client), renewed before it expires. */
    public static String userToken(String username) {
        String tokenUrl = get().identity().tokenUrl();
        return TOKENS.computeIfAbsent("user:" + username,
                u -> Tokens.cachedPassword(tokenUrl, "liuhua-cli", username, "liuhua")).get();
    }

    /** A confidential client's real token (client credentials). */
    public static String clientToken(String clientId, String secret) {
        String tokenUrl = get().identity().tokenUrl();
        return TOKENS.computeIfAbsent("client:" + clientId,
                c -> Tokens.cachedClientCredentials(tokenUrl, clientId, secret)).get();
    }

    public static String cityAdminToken() {
        return userToken("city-admin");
    }

    public static TestHttp gateway() {
        return new TestHttp(get().gatewayUrl(), cityAdminToken());
    }

    public static TestHttp gatewayAs(String token) {
        return new TestHttp(get().gatewayUrl(), token);
    }

    public static TestHttp direct(String service) {
        return new TestHttp(get().service(service).baseUrl(), cityAdminToken());
    }
}
