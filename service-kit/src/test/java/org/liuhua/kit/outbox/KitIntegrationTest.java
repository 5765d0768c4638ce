package org.liuhua.kit.outbox;

import org.liuhua.kit.test.ServiceTestSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context of the kit's integration tests: the test service on a random port, the embedded KRaft
 * broker and the MongoDB stand-in. Every kit IT extends this, so the context is built once.
 */
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=kit-test", "liuhua.outbox.collections=parcels",
                "liuhua.events.topic=" + KitTestApplication.TOPIC, "liuhua.security.public-paths=/api/v1/public/**",
                "spring.servlet.multipart.max-file-size=1KB", "spring.servlet.multipart.max-request-size=2KB",
                "liuhua.limits.body-read-timeout=3s", "liuhua.events.outage-backoff=100ms",
                "liuhua.events.outage-backoff-max=400ms"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class KitIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "kit-test");
    }
}
