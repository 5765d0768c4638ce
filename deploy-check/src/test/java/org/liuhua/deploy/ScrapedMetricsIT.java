package org.liuhua.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric the dashboards and alerts query that a service exposes is really in a service's
 * {@code /actuator/prometheus} output: hazard-service is started from its jar (as the image runs it) against a real
 * Kafka broker and the MongoDB stand-in in this JVM, is given an HTTP request and a Kafka record to consume, and is
 * scraped until every expected name appears (or 90 s pass). Its settings come from a config tree as in the Deployments
 * ({@code SPRING_CONFIG_ADDITIONAL_LOCATION=configtree:…}), which must override the packaged application.yml. The
 * Kafka Exporter's metrics and Prometheus' {@code up} are not the services' and are left out. Runs when the jar was
 * built in this build (./mvnw -B verify builds it before this module); skipped otherwise.
 */
class ScrapedMetricsIT {

    static final Path JAR = Repo.ROOT.resolve("hazard-service/target/hazard-service-" + Repo.VERSION + ".jar");

    @Test
    void everyServiceMetricTheDashboardsAndAlertsQueryIsScrapedFromARunningService() throws Exception {
        Assumptions.assumeTrue(Files.exists(JAR), "hazard-service's jar is not built: " + JAR);
        Set<String> expected = new TreeSet<>(DashboardsAndAlertsTest.queriedMetrics());
        expected.removeAll(DashboardsAndAlertsTest.KAFKA_EXPORTER_METRICS);
        expected.removeAll(DashboardsAndAlertsTest.PROMETHEUS_METRICS);

        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1, Topics.GRID, Topics.HAZARD,
                Topics.AUDIT, Topics.deadLetter(Topics.GRID), Topics.deadLetter(Topics.HAZARD),
                Topics.deadLetter(Topics.AUDIT));
        kafka.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        int mongoPort = mongo.bind().getPort();
        int port = freePort();
        // settings reach the service as in the Deployments: files of a config tree named after the property, which
        // must win over the packaged application.yml (server.port there is ${PORT:8082}; PORT below is a decoy)
        Path tree = Files.createTempDirectory("configtree");
        Files.writeString(tree.resolve("server.port"), String.valueOf(port));
        // metrics are scraped on the management port; on the service's own port they need a token (ADR 10)
        int managementPort = freePort();
        Files.writeString(tree.resolve("management.server.port"), String.valueOf(managementPort));
        Files.writeString(tree.resolve("liuhua.hazard.escalation-interval"), "PT2S");
        Path log = Files.createTempFile("hazard-service", ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-XX:+UseSerialGC", "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("PORT", String.valueOf(freePort()));
        env.put("SPRING_CONFIG_ADDITIONAL_LOCATION", "configtree:" + tree + "/");
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.getBrokersAsString());
        env.put("SPRING_MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort + "/hazard");
        env.put("LIUHUA_SECURITY_ISSUER", "http://127.0.0.1:9/realms/liuhua");
        Process service = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String base = "http://127.0.0.1:" + port;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            // readiness as the Deployment's probe reads it: /readyz on the service port (ADR 10)
            while (status(http, base + "/readyz") != 200) {
                assertThat(service.isAlive()).as("hazard-service exited: " + Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("hazard-service ready on the config tree's port within 120 s")
                        .isLessThan(deadline);
                Thread.sleep(500);
            }
            status(http, base + "/api/v1/hazards");
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", kafka.getBrokersAsString()), new StringSerializer(),
                    new ByteArraySerializer())) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.GRID, "probe",
                        "{}".getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                        .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                        .add("ce_source", "/deploy-check".getBytes(StandardCharsets.UTF_8))
                        .add("ce_type", "liuhua.deploycheck.probe.v1".getBytes(StandardCharsets.UTF_8))
                        .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
            Set<String> missing = expected;
            String scrape = "";
            deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                scrape = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                                + "/actuator/prometheus"))
                        .header("Accept", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
                missing = new TreeSet<>(expected);
                missing.removeAll(names(scrape));
                if (missing.isEmpty()) {
                    break;
                }
                Thread.sleep(2000);
            }
            Files.writeString(Repo.ROOT.resolve("deploy-check/target/hazard-service-scrape.txt"), scrape);
            assertThat(missing).as("metrics the dashboards/alerts query but hazard-service does not expose "
                    + "(scrape in deploy-check/target/hazard-service-scrape.txt)").isEmpty();
            assertThat(scrape).contains("application=\"hazard-service\"");
        } finally {
            service.destroy();
            if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
            kafka.destroy();
            mongo.shutdownNow();
        }
    }

    static Set<String> names(String scrape) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{| )").matcher(scrape);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
