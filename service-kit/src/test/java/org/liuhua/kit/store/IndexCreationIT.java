package org.liuhua.kit.store;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.outbox.KitIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.index.IndexInfo;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void theDeclaredIndexesAndTheOutboxIndexOfEveryRelayedCollectionAreCreated() {
        assertThat(indexCreator.declared()).filteredOn(c -> c.collection().equals("parcels"))
                .flatMap(CollectionIndexes::keys)
                .containsExactlyInAnyOrder(List.of("label", "sent"), List.of("trackingCode"),
                        List.of("outbox.eventId"));
        assertThat(indexCreator.declared()).filteredOn(c -> c.collection().equals("audit_log"))
                .flatMap(CollectionIndexes::keys).contains(List.of("outbox.eventId"));

        List<IndexInfo> onTheStandIn = mongo.indexOps("parcels").getIndexInfo();
        assertThat(onTheStandIn).filteredOn(IndexInfo::isUnique)
                .extracting(i -> i.getIndexFields().stream().map(IndexField::getKey).toList())
                .contains(List.of("trackingCode"));
    }
}
