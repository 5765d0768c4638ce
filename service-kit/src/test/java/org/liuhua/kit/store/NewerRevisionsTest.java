package org.liuhua.kit.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.MongoStandIn;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/** A consumer's local copies: only a newer revision applies, in any order and any number of deliveries. */
class NewerRevisionsTest {

    static final String COPIES = "copies";

    final MongoTemplate mongo = new MongoTemplate(MongoClients.create(MongoStandIn.uri("revisions-test")),
            "revisions-test");
    final NewerRevisions copies = new NewerRevisions(mongo);

    {
        mongo.indexOps(COPIES).createIndex(NewerRevisions.index());
    }

    static Map<String, Object> fields(long revision) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "张家港市金丰五金厂 v" + revision);
        fields.put("townId", "zjg-jinfeng");
        fields.put("flags", List.of("DUST", "REVISION_" + revision));
        return fields;
    }

    Document stored(String id) {
        return mongo.findById(id, Document.class, COPIES);
    }

    @Test
    void aNewerRevisionReplacesTheCopyAnOlderOrEqualOneChangesNothing() {
        String id = "est-" + UUID.randomUUID();
        assertThat(copies.applyIfNewer(COPIES, id, 2, fields(2))).isTrue();
        assertThat(copies.applyIfNewer(COPIES, id, 1, fields(1))).isFalse();
        assertThat(copies.applyIfNewer(COPIES, id, 2, fields(2))).isFalse();
        assertThat(stored(id).getString("name")).endsWith("v2");
        assertThat(stored(id).get(NewerRevisions.REVISION_KEY)).isEqualTo(id + "#2");

        assertThat(copies.applyIfNewer(COPIES, id, 5, fields(5))).isTrue();
        assertThat(stored(id).getString("name")).endsWith("v5");
        assertThat(stored(id).getList("flags", String.class)).containsExactly("DUST", "REVISION_5");
        assertThat(stored(id).get(NewerRevisions.REVISION)).isEqualTo(5L);
    }

    @Test
    void shuffledAndDuplicatedDeliveriesFromConcurrentConsumersEndAtTheNewest() throws Exception {
        String id = "est-" + UUID.randomUUID();
        List<Long> deliveries = new ArrayList<>();
        for (long r = 1; r <= 20; r++) {
            deliveries.add(r);
            deliveries.add(r);
        }
        Collections.shuffle(deliveries, new java.util.Random(7));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (long r : deliveries) {
                results.add(pool.submit(() -> copies.applyIfNewer(COPIES, id, r, fields(r))));
            }
            for (Future<Boolean> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(stored(id).get(NewerRevisions.REVISION)).isEqualTo(20L);
        assertThat(stored(id).getString("name")).endsWith("v20");
        assertThat(mongo.count(new Query(Criteria.where("_id").is(id)), COPIES)).isEqualTo(1);
    }

    @Test
    void aCopyWrittenBeforeTheRevisionKeyIsUpdatedOnceAndThenHasOne() {
        String id = "est-" + UUID.randomUUID();
        copies.applyIfNewer(COPIES, id, 3, fields(3));
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)), new Update().unset(NewerRevisions.REVISION_KEY),
                COPIES);
        assertThat(copies.applyIfNewer(COPIES, id, 2, fields(2))).isFalse();
        assertThat(copies.applyIfNewer(COPIES, id, 4, fields(4))).isTrue();
        assertThat(stored(id).get(NewerRevisions.REVISION_KEY)).isEqualTo(id + "#4");
        assertThat(stored(id).getString("name")).endsWith("v4");
    }
}
