package org.liuhua.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.liuhua.platform.keycloak.KeycloakRunner;
import org.liuhua.platform.keycloak.RunningKeycloak;

/**
 * The real Keycloak with the realm as code ({@code deploy/keycloak/liuhua-realm.json}), started in the background
 * so the services come up meanwhile; they fetch its signing keys (JWKS) on the first token they see.
 */
public final class KeycloakIdentity implements IdentityProvider {

    private final int port;
    private final CompletableFuture<RunningKeycloak> running;

    private KeycloakIdentity(int port, CompletableFuture<RunningKeycloak> running) {
        this.port = port;
        this.running = running;
    }

    /**
     * Starts Keycloak with the realm; it must answer within {@code liuhua.keycloak.startSeconds} (default 240; a
     * crowded machine may need more).
     */
    public static KeycloakIdentity start(Path repoRoot, Path dataDir, int port) {
        Path realm = repoRoot.resolve("deploy").resolve("keycloak").resolve("liuhua-realm.json");
        Duration timeout = Duration.ofSeconds(Long.getLong("liuhua.keycloak.startSeconds", 240));
        return new KeycloakIdentity(port, CompletableFuture.supplyAsync(() ->
                KeycloakRunner.start(dataDir.resolve("keycloak"), port, realm, timeout)));
    }

    @Override
    public String issuer() {
        return "http://localhost:" + port + "/realms/liuhua";
    }

    @Override
    public String tokenUrl() {
        return issuer() + "/protocol/openid-connect/token";
    }

    @Override
    public Map<String, String> securityEnvironment() {
        return Map.of("LIUHUA_SECURITY_ISSUER", issuer(),
                "LIUHUA_SECURITY_JWK_SET_URI", issuer() + "/protocol/openid-connect/certs");
    }

    @Override
    public void awaitReady(Duration timeout) {
        try {
            running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Keycloak did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // stops it now if it is up, or as soon as it is
        running.thenAccept(RunningKeycloak::stop);
    }
}
