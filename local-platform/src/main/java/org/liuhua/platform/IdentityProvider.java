package org.liuhua.platform;

import java.util.Map;

/**
 * Where the services take token signing keys from: the real Keycloak for the run command and the end-to-end tests,
 * or a JWKS the caller serves for tests that mint their own tokens (service-kit's {@code TestTokens.jwkSetUri()}).
 */
public interface IdentityProvider extends AutoCloseable {

    /** Environment given to every service and the gateway (LIUHUA_SECURITY_*). */
    Map<String, String> securityEnvironment();

    /** The token issuer (iss), e.g. http://localhost:8180/realms/liuhua. */
    String issuer();

    /** The OAuth2 token endpoint, when this provider issues tokens. */
    default String tokenUrl() {
        return null;
    }

    /** Blocks until tokens can be issued and verified (a no-op when keys are fixed). */
    default void awaitReady(java.time.Duration timeout) {
    }

    @Override
    void close();

    /** Fixed keys: tokens of {@code issuer}, verified with the keys published at {@code jwkSetUri}. */
    static IdentityProvider keys(String issuer, String jwkSetUri) {
        return new IdentityProvider() {
            @Override
            public Map<String, String> securityEnvironment() {
                return Map.of("LIUHUA_SECURITY_ISSUER", issuer, "LIUHUA_SECURITY_JWK_SET_URI", jwkSetUri);
            }

            @Override
            public String issuer() {
                return issuer;
            }

            @Override
            public void close() {
            }
        };
    }
}
