package org.liuhua.kit.store;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * Creates, once the application context is ready, every index the service declared ({@link CollectionIndexes} beans)
 * and, on every collection the relay reads, the outbox index ({@code outbox.eventId}, sparse: only documents with
 * pending events are in it, so the relay's sweep reads the index instead of the collection) and the unique version key
 * that guards every update of an aggregate.
 */
public class IndexCreator implements SmartInitializingSingleton {

    /** The relay's pending query is an existence test on this path. */
    public static final String OUTBOX_PENDING_PATH = AggregateStore.OUTBOX + ".eventId";
    private static final Logger log = LoggerFactory.getLogger(IndexCreator.class);

    private final MongoTemplate mongo;
    private final List<CollectionIndexes> declared;

    public IndexCreator(MongoTemplate mongo, List<CollectionIndexes> declared, List<String> outboxCollections) {
        this.mongo = mongo;
        List<CollectionIndexes> all = new ArrayList<>(declared);
        for (String collection : outboxCollections) {
            all.add(CollectionIndexes.of(collection, outboxIndex(), versionKeyIndex()));
        }
        this.declared = List.copyOf(all);
    }

    public static IndexDefinition outboxIndex() {
        return new Index().on(OUTBOX_PENDING_PATH, org.springframework.data.domain.Sort.Direction.ASC).sparse()
                .named("outbox_pending");
    }

    /** The unique key of an aggregate's version: {@link AggregateStore#update}'s guard reads it (ADR 11). */
    public static IndexDefinition versionKeyIndex() {
        return new Index().on(AggregateStore.VERSION_KEY, org.springframework.data.domain.Sort.Direction.ASC).unique()
                .sparse().named("version_key");
    }

    /** Everything declared, including the outbox indexes. */
    public List<CollectionIndexes> declared() {
        return declared;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (CollectionIndexes collection : declared) {
            for (IndexDefinition index : collection.indexes()) {
                try {
                    mongo.indexOps(collection.collection()).createIndex(index);
                } catch (RuntimeException e) {
                    log.warn("index {} on {} not created: {}", index.getIndexKeys(), collection.collection(),
                            e.toString());
                }
            }
        }
    }
}
