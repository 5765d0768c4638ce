package org.liuhua.reporting.grid;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The upserts of one batch of events, merged into one per document: {@code $set} keeps the last value given for a
 * field, {@code $addToSet} the union of the values, as the upserts one after the other would. A month document that
 * many of a batch's patrols touch is then written once per batch instead of once per patrol (on the stand-in every
 * write rewrites the whole document; benchmarks/README "Where the demo load's CPU goes").
 */
final class MergedUpserts {

    private final Map<String, Map<String, Object>> sets = new LinkedHashMap<>();
    private final Map<String, Map<String, Set<Object>>> additions = new LinkedHashMap<>();

    MergedUpserts set(String id, String field, Object value) {
        sets.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(field, value);
        additions.computeIfAbsent(id, k -> new LinkedHashMap<>());
        return this;
    }

    MergedUpserts addToSet(String id, String field, Collection<?> values) {
        sets.computeIfAbsent(id, k -> new LinkedHashMap<>());
        additions.computeIfAbsent(id, k -> new LinkedHashMap<>()).computeIfAbsent(field, k -> new LinkedHashSet<>())
                .addAll(values);
        return this;
    }

    /** One unordered bulk write to the collection: an upsert by {@code _id} per document; nothing when empty. */
    void write(MongoTemplate mongo, String collection) {
        if (sets.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        sets.forEach((id, fields) -> {
            Update update = new Update();
            fields.forEach(update::set);
            additions.get(id).forEach((field, values) -> update.addToSet(field).each(values.toArray()));
            bulk.upsert(Query.query(Criteria.where("_id").is(id)), update);
        });
        bulk.execute();
    }
}
