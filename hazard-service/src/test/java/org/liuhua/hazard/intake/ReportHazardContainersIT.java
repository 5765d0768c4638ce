package org.liuhua.hazard.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.hazard.IndexIT;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.store.IndexCreator;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.liuhua.kit.test.TopicProbe;
import org.liuhua.kit.test.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * hazard-service's report flow (HTTP in → document with outbox → event out) against real MongoDB and Kafka images,
 * and the indexes a real MongoDB holds after start-up (the stand-in ignores non-unique ones). Runs wherever a Docker
 * engine is available; skipped with "Docker is not available" elsewhere, where {@link ReportHazardIT} covers the same
 * flow against the stand-in and an in-process broker and {@link IndexIT} the declarations.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportHazardContainersIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "hazard");
    }

    @LocalServerPort
    int port;
    @Autowired
    IndexCreator indexes;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aReportedHazardIsStoredAndPublished() {
        TestHttp api = new TestHttp("http://127.0.0.1:" + port, TestTokens.user("city-admin", Roles.CITY_ADMIN));
        TestHttp.Response created = api.post("/api/v1/hazards", Map.of("establishmentId", "est-jinfeng-0001",
                "townId", "zjg-jinfeng", "category", "ELECTRICAL", "source", "LAW_ENFORCEMENT",
                "description", "配电箱未接地"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.bootstrapServers(), Topics.HAZARD)) {
            assertThat(probe.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(30))).hasSize(1);
        }
    }

    @Test
    void everyDeclaredIndexExistsInMongoDbAndServesEveryQueryPath() {
        Map<String, List<List<String>>> real = new LinkedHashMap<>();
        for (CollectionIndexes declared : indexes.declared()) {
            List<IndexInfo> existing = mongo.indexOps(declared.collection()).getIndexInfo();
            List<List<String>> keys = new ArrayList<>();
            existing.forEach(i -> keys.add(i.getIndexFields().stream().map(f -> f.getKey()).toList()));
            real.put(declared.collection(), keys);
            assertThat(keys).as("indexes of " + declared.collection()).containsAll(declared.keys());
        }
        assertThat(IndexIT.unserved(real)).as("query paths no real index serves").isEmpty();
        IndexInfo sourceKey = mongo.indexOps("hazards").getIndexInfo().stream()
                .filter(i -> i.isIndexForFields(List.of("sourceKey"))).findFirst().orElseThrow();
        assertThat(sourceKey.isUnique()).isTrue();
        assertThat(sourceKey.isSparse()).isTrue();
    }
}
