package org.liuhua.grid.region;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.grid.QueryPaths;
import org.liuhua.kit.outbox.OutboxRelay;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.liuhua.kit.test.TopicProbe;
import org.liuhua.kit.test.RealInfrastructure;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.store.IndexCreator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * grid-service's registry flow (HTTP in → document with outbox → event out) against real MongoDB and Kafka images, and
 * the indexes it declares as a real MongoDB builds them (the stand-in builds only {@code _id} and unique ones). Runs
 * wherever a Docker engine is available; skipped with "Docker is not available" elsewhere, where the {@code GridIT}
 * suite covers the same flows against the stand-in and an in-process broker and {@code QueryIndexesIT} the
 * declarations.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegionContainersIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "grid");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    IndexCreator indexes;
    @Autowired
    OutboxRelay relay;

    @Test
    void aTownIsStoredAndPublishedAsRegionChanged() {
        TestHttp api = new TestHttp("http://127.0.0.1:" + port, TestTokens.user("city-admin", Roles.CITY_ADMIN));
        TestHttp.Response created = api.post("/api/v1/towns", Map.of("id", "zjg-jinfeng", "name", "锦丰镇",
                "kind", "TOWN", "safetyStaff", 8, "fireStaff", 4));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/towns/zjg-jinfeng").status()).isEqualTo(200);
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.bootstrapServers(), Topics.GRID)) {
            assertThat(probe.await(r -> "zjg-jinfeng".equals(r.key()), 1, Duration.ofSeconds(30))).hasSize(1);
        }
    }

    @Test
    void everyDeclaredIndexIsBuiltAndEveryQueryPathIsServedByARealIndex() {
        Map<String, List<List<String>>> built = new TreeMap<>();
        for (CollectionIndexes declared : indexes.declared()) {
            List<List<String>> keys = mongo.indexOps(declared.collection()).getIndexInfo().stream()
                    .map(info -> info.getIndexFields().stream().map(IndexField::getKey).toList()).toList();
            assertThat(keys).as("indexes of " + declared.collection()).containsAll(declared.keys());
            built.put(declared.collection(), keys);
        }
        assertThat(QueryPaths.unserved(QueryPaths.withOutbox(relay.collections()), built))
                .as("query paths no real index serves").isEmpty();
    }
}
