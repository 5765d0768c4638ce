package org.liuhua.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.liuhua.platform.IdentityProvider;
import org.liuhua.platform.Platform;
import org.liuhua.platform.Ports;

/**
 * One platform per test JVM, started the way the run command starts it (the same {@link Platform} class): Kafka
 * and the MongoDB stand-in in this process, every service and the gateway as separate processes, on free ports so
 * the tests pass while a platform runs on the standard ones. Stopped when the JVM ends.
 */
public final class RunningPlatform {

    private static Platform platform;

    private RunningPlatform() {
    }

    public static synchronized Platform get() {
        if (platform == null) {
            try {
                Path repoRoot = Path.of(System.getProperty("liuhua.repo", "..")).toAbsolutePath().normalize();
                Path dataDir = Files.createTempDirectory("liuhua-e2e-");
                Platform started = new Platform(repoRoot, dataDir, Ports.free(),
                        List.of("grid-service", "hazard-service", "reporting-service", "training-service"),
                        data -> IdentityProvider.publicKey(TestTokens.ISSUER, TestTokens.publicKeyPem()),
                        Platform.localJvmOptions());
                Runtime.getRuntime().addShutdownHook(new Thread(started::close));
                started.start(Duration.ofSeconds(240));
                platform = started;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return platform;
    }

    public static String cityAdminToken() {
        return TestTokens.user("city-admin", "CITY_ADMIN");
    }

    public static TestHttp gateway() {
        return new TestHttp(get().gatewayUrl(), cityAdminToken());
    }

    public static TestHttp direct(String service) {
        return new TestHttp(get().service(service).baseUrl(), cityAdminToken());
    }
}
