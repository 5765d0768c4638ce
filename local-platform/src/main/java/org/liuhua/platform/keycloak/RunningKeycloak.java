package org.liuhua.platform.keycloak;

import java.nio.file.Path;

/** A Keycloak started by {@link KeycloakRunner}; {@link #stop()} ends the server and the script that started it. */
public interface RunningKeycloak extends AutoCloseable {

    /** The realm's issuer, as it appears in the tokens' {@code iss}: {@code http://localhost:<port>/realms/liuhua}. */
    String issuer();

    /** The realm's OAuth2 token endpoint. */
    default String tokenUrl() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** The realm's signing keys (JWKS), for LIUHUA_SECURITY_JWK_SET_URI. */
    default String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** {@code http://localhost:<port>} (the admin console is under {@code /admin}, user admin, password admin). */
    String baseUrl();

    int port();

    /** Where the server's output goes ({@code <workDir>/keycloak.log}). */
    Path logFile();

    boolean isRunning();

    /** Stops the server gracefully (SIGTERM to the JVM, then the script), forcibly after 20 s; idempotent. */
    void stop();

    @Override
    default void close() {
        stop();
    }
}
