package org.liuhua.kit.store;

import java.util.Map;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The one way a consumer keeps its local copy of another service's object (a snapshot: an establishment announced by
 * grid-service, …): an event applies only when its revision is newer than the copy's, so a redelivered or reordered
 * event changes nothing. Every read and write goes by {@code _id} or by the unique {@code revisionKey}
 * ({@code <id>#<revision>}): the stand-in serves those from an index, where the usual guard
 * {@code {_id, revision < n}} would scan the collection on every event (ADR 11). Declare {@link #index()} on the
 * collection.
 */
public final class NewerRevisions {

    public static final String REVISION = "revision";
    public static final String REVISION_KEY = "revisionKey";
    static final int ATTEMPTS = 8;

    private final MongoTemplate mongo;

    public NewerRevisions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The unique, sparse index of the revision key (documents written before it existed have none). */
    public static IndexDefinition index() {
        return new Index().on(REVISION_KEY, Sort.Direction.ASC).unique().sparse().named("revision_key");
    }

    static String key(String id, long revision) {
        return id + "#" + revision;
    }

    /**
     * Stores {@code fields} (and the revision) on the copy {@code id} of {@code collection} if {@code revision} is newer
     * than the stored one, or the copy does not exist yet.
     *
     * @return whether the copy was written; false when it was already as new or newer
     * @throws IllegalStateException when concurrent writers of the same copy kept coming first (the record is retried)
     */
    public boolean applyIfNewer(String collection, String id, long revision, Map<String, Object> fields) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Query byId = new Query(Criteria.where("_id").is(id));
            byId.fields().include(REVISION).include(REVISION_KEY);
            Document stored = mongo.findOne(byId, Document.class, collection);
            if (stored == null) {
                Document document = new Document("_id", id);
                fields.forEach((field, value) -> document.put(field, mongo.getConverter().convertToMongoType(value)));
                document.put(REVISION, revision);
                document.put(REVISION_KEY, key(id, revision));
                try {
                    mongo.insert(document, collection);
                    return true;
                } catch (DuplicateKeyException anotherWriterCameFirst) {
                    continue;
                }
            }
            Object storedRevision = stored.get(REVISION);
            if (storedRevision instanceof Number n && n.longValue() >= revision) {
                return false;
            }
            Update update = new Update();
            fields.forEach(update::set);
            update.set(REVISION, revision).set(REVISION_KEY, key(id, revision));
            Query guard = stored.containsKey(REVISION_KEY)
                    ? new Query(Criteria.where(REVISION_KEY).is(stored.get(REVISION_KEY)))
                    // written before the key existed: guarded by _id and revision once (a scan on the stand-in)
                    : new Query(Criteria.where("_id").is(id).and(REVISION).is(storedRevision)
                            .and(REVISION_KEY).exists(false));
            if (mongo.updateFirst(guard, update, collection).getMatchedCount() > 0) {
                return true;
            }
        }
        throw new IllegalStateException("the copy " + id + " in " + collection + " kept changing while revision "
                + revision + " was applied");
    }
}
