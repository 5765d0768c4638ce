package org.liuhua.reporting;

import org.liuhua.kit.test.QueryPaths;
import org.liuhua.kit.test.ServiceTestSupport;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context of reporting-service's integration tests: the service on a random port, the embedded KRaft
 * broker, the MongoDB stand-in, and a recorder of every query the service sends (for the index test).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(ReportingIntegrationTest.Recording.class)
public abstract class ReportingIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "reporting-it");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {

        @Bean
        QueryPaths queryPaths() {
            return new QueryPaths();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer recordQueryPaths(QueryPaths queryPaths) {
            return queryPaths.customizer();
        }
    }
}
