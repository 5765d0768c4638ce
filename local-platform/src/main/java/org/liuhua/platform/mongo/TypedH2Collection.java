package org.liuhua.platform.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection, except that an update never changes a stored document object in place.
 * mongo-java-server updates the very object it read from the map and then puts it back; that object is still the
 * value of the pages of earlier store versions, which H2's background writer serialises while the update runs — a
 * {@code ConcurrentModificationException} there closes the whole store ("This store is closed", seen in a demo load
 * whose updates rewrote large month documents). Here the documents an update or a find-and-modify reads are copies
 * of their top level (mongo-java-server computes the new nested values on a deep clone of its own and only puts
 * them into the top level), so the object it changes and puts is new, and a stored object is never written to again.
 */
final class TypedH2Collection extends H2Collection {

    /** Set while this thread runs an update or a find-and-modify: the documents it reads are copies. */
    private static final ThreadLocal<Boolean> UPDATING = ThreadLocal.withInitial(() -> false);

    TypedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                      MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    public Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters, boolean multi,
                                    boolean upsert, Oplog oplog) {
        return updating(() -> super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog));
    }

    @Override
    public Document findAndModify(Document query) {
        return updating(() -> super.findAndModify(query));
    }

    private static <T> T updating(Supplier<T> command) {
        boolean outer = !UPDATING.get();
        UPDATING.set(true);
        try {
            return command.get();
        } finally {
            if (outer) {
                UPDATING.set(false);
            }
        }
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        QueryResult found = super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        if (!UPDATING.get()) {
            return found;
        }
        List<Document> copies = new ArrayList<>();
        for (Document document : found) {
            // the update changes the top-level fields of what it read (the nested values it puts are its own,
            // built from a deep clone), so a copy of the top level keeps the stored object as it was
            copies.add(new Document(document));
        }
        return new QueryResult(copies);
    }
}
