package org.liuhua.platform.mongo;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
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
        return new H2Collection(this, collectionName, options, data, meta, cursorRegistry);
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
