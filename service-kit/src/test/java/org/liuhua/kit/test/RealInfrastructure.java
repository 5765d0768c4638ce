package org.liuhua.kit.test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real MongoDB (a replica set) and a real Kafka broker from container images, for the Testcontainers variants of the
 * integration tests. Started once per test JVM on first use and shared by every class. Use it only from classes
 * annotated {@code @Testcontainers(disabledWithoutDocker = true)}, so that where no Docker engine runs the class is
 * skipped (with "Docker is not available") before anything here is touched.
 */
public final class RealInfrastructure {

    private static MongoDBContainer mongo;
    private static KafkaContainer kafka;

    private RealInfrastructure() {
    }

    /** Points the service under test at the containers (its own database) and at the test token key (its JWKS). */
    public static synchronized void register(DynamicPropertyRegistry registry, String database) {
        if (mongo == null) {
            mongo = new MongoDBContainer("mongo:8.0");
            kafka = new KafkaContainer("apache/kafka:4.1.0");
            mongo.start();
            kafka.start();
        }
        registry.add("spring.mongodb.uri", () -> mongo.getReplicaSetUrl(database));
        registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
        registry.add("liuhua.security.issuer", () -> TestTokens.ISSUER);
        registry.add("liuhua.security.jwk-set-uri", TestTokens::jwkSetUri);
        registry.add("liuhua.outbox.poll-interval", () -> "50ms");
        // quiet sweeps back off to 1 s (the platform: 5 min), so writes of a second replica in a test wait ≤ 1 s
        registry.add("liuhua.outbox.quiet-sweep-interval", () -> "1s");
    }

    public static synchronized String bootstrapServers() {
        if (kafka == null) {
            throw new IllegalStateException("register(...) first");
        }
        return kafka.getBootstrapServers();
    }
}
