package org.liuhua.platform.mongo;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database with its data and index maps opened with {@link StoreTypes}; the map names are
 * the backend's own, so dropping and renaming work as before. Every map is opened here before the base class touches
 * it, so it always gets these types.
 */
final class TypedH2Database extends H2Database {

    static final String DATA_PREFIX = "databases.";
    static final String META_PREFIX = "meta.";
    static final String INDEX_INFIX = "._index_";

    private final MVStore store;
    /** Counts answered by {@link #counted} instead of an aggregation (for the tests). */
    final LongAdder countsByQuery = new LongAdder();

    private TypedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
    }

    static TypedH2Database open(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        CONSTRUCTING.set(store);
        try {
            return new TypedH2Database(databaseName, store, cursorRegistry);
        } finally {
            CONSTRUCTING.remove();
        }
    }

    static MVMap.Builder<Object, Document> dataMap() {
        return new MVMap.Builder<Object, Document>().keyType(new StoreTypes.Ids()).valueType(new StoreTypes.Documents());
    }

    static MVMap.Builder<KeyValue, Object> indexMap() {
        return new MVMap.Builder<KeyValue, Object>().keyType(new StoreTypes.Keys());
    }

    /**
     * A count as the driver sends it ({@code countDocuments}, which Spring Data's {@code count} and {@code exists}
     * use) is an aggregation {@code $match} [, {@code $skip}] [, {@code $limit}], {@code $group {_id: 1, n: {$sum: 1}}}.
     * mongo-java-server runs every aggregation over the whole collection, so a count or an existence check by
     * {@code _id} or a unique field scanned it (docs/adr/0015); here it is answered as a query, which uses those
     * indexes. Any other aggregation, or one with options this does not know, goes the usual way.
     */
    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                                  Oplog oplog) {
        if ("aggregate".equalsIgnoreCase(command)) {
            Document answer = counted(query);
            if (answer != null) {
                clearLastStatus(channel);
                return answer;
            }
        }
        return super.handleCommand(channel, command, query, resolver, oplog);
    }

    private static final Set<String> COUNT_OPTIONS = Set.of("aggregate", "pipeline", "cursor",
            "$db", "lsid", "$clusterTime", "txnNumber", "$readPreference", "readConcern", "maxTimeMS", "comment",
            "apiVersion", "apiStrict", "apiDeprecationErrors");

    private Document counted(Document query) {
        if (!(query.get("aggregate") instanceof String collectionName)
                || !(query.get("pipeline") instanceof List<?> pipeline) || pipeline.size() < 2 || pipeline.size() > 4
                || !COUNT_OPTIONS.containsAll(query.keySet())) {
            return null;
        }
        if (!(stage(pipeline.get(0), "$match") instanceof Document filter)
                || !(stage(pipeline.get(pipeline.size() - 1), "$group") instanceof Document group)
                || !isCountGroup(group)) {
            return null;
        }
        int skip = 0;
        int limit = 0;
        for (int i = 1; i < pipeline.size() - 1; i++) {
            Object skipped = stage(pipeline.get(i), "$skip");
            Object limited = stage(pipeline.get(i), "$limit");
            if (skipped instanceof Number n && i == 1 && limit == 0 && n.longValue() >= 0
                    && n.longValue() <= Integer.MAX_VALUE) {
                skip = n.intValue();
            } else if (limited instanceof Number n && n.longValue() > 0 && n.longValue() <= Integer.MAX_VALUE) {
                limit = n.intValue();
            } else {
                return null;
            }
        }
        MongoCollection<Object> collection = resolveCollection(collectionName, false);
        int n = collection == null ? 0 : collection.count(filter, skip, limit);
        countsByQuery.increment();
        List<Document> batch = n == 0 ? List.of() : List.of(new Document("_id", 1).append("n", n));
        Document cursor = new Document("id", 0L).append("ns", getFullCollectionNamespace(collectionName))
                .append("firstBatch", batch);
        return new Document("cursor", cursor).append("ok", 1.0);
    }

    /** The stage's argument if it is a one-key document {@code {name: argument}}, else null. */
    private static Object stage(Object stage, String name) {
        return stage instanceof Document d && d.size() == 1 ? d.get(name) : null;
    }

    /** {@code {_id: 1, n: {$sum: 1}}}, the driver's count. */
    private static boolean isCountGroup(Document group) {
        return group.size() == 2 && group.get("_id") instanceof Number id && id.intValue() == 1
                && group.get("n") instanceof Document sum && sum.size() == 1
                && sum.get("$sum") instanceof Number one && one.intValue() == 1;
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        MVMap<KeyValue, Object> map = mvStore().openMap(getFullCollectionNamespace(collectionName) + INDEX_INFIX
                + indexName, indexMap());
        return new TypedUniqueIndex(map, indexName, keys, sparse);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = mvStore().openMap(DATA_PREFIX + fullName, dataMap());
        MVMap<String, Object> meta = mvStore().openMap(META_PREFIX + fullName);
        return new TypedH2Collection(this, collectionName, options, data, meta, cursorRegistry);
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        mvStore().openMap(DATA_PREFIX + getFullCollectionNamespace(collectionName), dataMap());
        super.dropCollection(collectionName, oplog);
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        mvStore().openMap(DATA_PREFIX + collection.getFullName(), dataMap());
        super.moveCollection(oldDatabase, collection, newCollectionName);
    }

    private MVStore mvStore() {
        return store != null ? store : CONSTRUCTING.get();
    }

    /** The store of the database being constructed on this thread (the base constructor runs before the field is set). */
    static final ThreadLocal<MVStore> CONSTRUCTING = new ThreadLocal<>();
}
