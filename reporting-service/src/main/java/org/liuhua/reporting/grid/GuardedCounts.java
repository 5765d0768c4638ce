package org.liuhua.reporting.grid;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Pre-shaped counters ({@code city}, {@code town:<id>}, …) moved by deltas, each delta applied at most once: a move is
 * named by the event that caused it and first written to a ledger ({@code _id} = that name, insert-first like the
 * kit's processed-events ledger); a move already in the ledger (a redelivery) is skipped, and the counters of the
 * others are changed with one {@code $inc} per document per batch. When the counters cannot be written, the batch's
 * ledger entries are removed again so the redelivery applies them. The deltas themselves come from the difference
 * between the stored and the new contribution of an object (an establishment that changed towns moves its count), so a
 * stale event gives no delta at all.
 */
public final class GuardedCounts {

    /** One object's change of contribution: counter document → field → delta. */
    public record Move(String id, Map<String, Map<String, Integer>> deltas) {
    }

    private GuardedCounts() {
    }

    /** The deltas that turn {@code before} (document → fields counted) into {@code after}. */
    public static Map<String, Map<String, Integer>> difference(Map<String, List<String>> before,
                                                               Map<String, List<String>> after) {
        Map<String, Map<String, Integer>> deltas = new LinkedHashMap<>();
        before.forEach((doc, fields) -> fields.forEach(f -> add(deltas, doc, f, -1)));
        after.forEach((doc, fields) -> fields.forEach(f -> add(deltas, doc, f, 1)));
        deltas.values().forEach(m -> m.values().removeIf(v -> v == 0));
        deltas.values().removeIf(Map::isEmpty);
        return deltas;
    }

    private static void add(Map<String, Map<String, Integer>> deltas, String doc, String field, int delta) {
        deltas.computeIfAbsent(doc, d -> new LinkedHashMap<>()).merge(field, delta, Integer::sum);
    }

    /** Applies the moves not yet in the ledger. */
    public static void apply(MongoTemplate mongo, String ledger, String counters, List<Move> moves) {
        List<Move> effective = moves.stream().filter(m -> !m.deltas().isEmpty()).toList();
        if (effective.isEmpty()) {
            return;
        }
        Set<String> duplicates = insertLedger(mongo, ledger, effective);
        List<String> claimed = new ArrayList<>();
        Map<String, Map<String, Integer>> total = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Move move : effective) {
            if (duplicates.contains(move.id()) || !seen.add(move.id())) {
                continue;
            }
            claimed.add(move.id());
            move.deltas().forEach((doc, fields) -> fields.forEach((f, d) -> add(total, doc, f, d)));
        }
        total.values().forEach(m -> m.values().removeIf(v -> v == 0));
        total.values().removeIf(Map::isEmpty);
        if (total.isEmpty()) {
            return;
        }
        try {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, counters);
            total.forEach((doc, fields) -> {
                Update update = new Update();
                fields.forEach(update::inc);
                bulk.upsert(Query.query(Criteria.where("_id").is(doc)), update);
            });
            bulk.execute();
        } catch (RuntimeException failed) {
            mongo.remove(Query.query(Criteria.where("_id").in(claimed)), ledger);
            throw failed;
        }
    }

    /** Claims the moves in the ledger; answers those already claimed (by an earlier delivery). */
    private static Set<String> insertLedger(MongoTemplate mongo, String ledger, List<Move> moves) {
        List<String> ids = moves.stream().map(Move::id).toList();
        Set<String> duplicates = new HashSet<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, ledger)
                .forEach(d -> duplicates.add(d.getString("_id")));
        List<Document> entries = ids.stream().filter(id -> !duplicates.contains(id)).distinct()
                .map(id -> new Document("_id", id)).toList();
        if (!entries.isEmpty()) {
            try {
                mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ledger).insert(entries).execute();
            } catch (RuntimeException failed) {
                mongo.remove(Query.query(Criteria.where("_id").in(entries.stream().map(e -> e.get("_id")).toList())),
                        ledger);
                throw failed;
            }
        }
        return duplicates;
    }
}
