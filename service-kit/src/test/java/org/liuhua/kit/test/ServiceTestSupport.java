package org.liuhua.kit.test;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Wires a service under test to the test infrastructure: the MongoDB stand-in (a database per service), the
 * embedded KRaft broker ({@code @EmbeddedKafka} on the test class sets the bootstrap servers) and the test token
 * key. Call from a {@code @DynamicPropertySource} method.
 */
public final class ServiceTestSupport {

    private ServiceTestSupport() {
    }

    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.mongodb.uri", () -> MongoStandIn.uri(database));
        registry.add("liuhua.security.issuer", () -> TestTokens.ISSUER);
        registry.add("liuhua.security.jwk-set-uri", TestTokens::jwkSetUri);
        registry.add("liuhua.outbox.poll-interval", () -> "50ms");
        // quiet sweeps back off to 1 s (the platform: 5 min), so writes of a second replica in a test wait ≤ 1 s
        registry.add("liuhua.outbox.quiet-sweep-interval", () -> "1s");
        registry.add("liuhua.events.retry-backoff", () -> "50ms");
    }
}
