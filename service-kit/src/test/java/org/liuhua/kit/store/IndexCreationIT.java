package org.liuhua.kit.store;

import java.util.List;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.outbox.KitIntegrationTest;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.IndexCoverage;
import org.liuhua.kit.test.QueryPaths;
import org.liuhua.kit.test.QueryPaths.Path;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.index.IndexInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The test service declares the parcel indexes as a bean; the kit creates them at start-up beside the outbox index of
 * every relayed collection. The stand-in keeps only the unique ones, so the rest is checked as declared (the
 * Testcontainers variant checks them on a real MongoDB).
 */
class IndexCreationIT extends KitIntegrationTest {

    @Autowired
    IndexCreator indexCreator;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    QueryPaths queryPaths;
    @LocalServerPort
    int port;

    @Test
    void theDeclaredIndexesAndTheOutboxIndexOfEveryRelayedCollectionAreCreated() {
        assertThat(indexCreator.declared()).filteredOn(c -> c.collection().equals("parcels"))
                .flatMap(CollectionIndexes::keys)
                .containsExactlyInAnyOrder(List.of("label", "sent"), List.of("sent"), List.of("trackingCode"),
                        List.of("outbox.eventId"), List.of(AggregateStore.VERSION_KEY));
        assertThat(indexCreator.declared()).filteredOn(c -> c.collection().equals("audit_log"))
                .flatMap(CollectionIndexes::keys).contains(List.of("outbox.eventId"));

        List<IndexInfo> onTheStandIn = mongo.indexOps("parcels").getIndexInfo();
        assertThat(onTheStandIn).filteredOn(IndexInfo::isUnique)
                .extracting(i -> i.getIndexFields().stream().map(IndexField::getKey).toList())
                .contains(List.of("trackingCode"));
    }

    @Test
    void everyQueryPathOfTheParcelListIsServedByADeclaredIndex() {
        TestHttp api = new TestHttp("http://127.0.0.1:" + port, TestTokens.user("reader", Roles.COCKPIT_VIEWER));
        for (String query : List.of("", "?label=x", "?sort=label,asc", "?label=x&sort=label,desc")) {
            assertThat(api.get("/api/v1/parcels" + query).status()).isEqualTo(200);
        }
        // the relay's pending query runs every poll
        await().atMost(Duration.ofSeconds(5)).until(() -> queryPaths.recorded("parcels").stream()
                .anyMatch(p -> p.filter().contains(IndexCreator.OUTBOX_PENDING_PATH)));

        assertThat(queryPaths.recorded("parcels")).contains(Path.of("parcels", "label").sortedBy("sent"),
                Path.of("parcels").sortedBy("label"), Path.of("parcels", "outbox.eventId"));
        IndexCoverage.assertServed(queryPaths.recorded("parcels"), indexCreator.declared());
    }

    @Test
    void aQueryPathWhoseIndexIsNotDeclaredFails() {
        List<CollectionIndexes> withoutSent = indexCreator.declared().stream()
                .map(c -> new CollectionIndexes(c.collection(), c.indexes().stream()
                        .filter(i -> !i.getIndexKeys().keySet().iterator().next().equals("sent")).toList()))
                .toList();

        assertThatThrownBy(() -> IndexCoverage.assertServed(List.of(Path.of("parcels").sortedBy("sent")),
                withoutSent)).isInstanceOf(AssertionError.class).hasMessageContaining("parcels [] sorted by [sent]");
    }
}
