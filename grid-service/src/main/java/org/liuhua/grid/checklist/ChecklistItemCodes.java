package org.liuhua.grid.checklist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.liuhua.kit.domain.FieldProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The hazard-check items manual-service publishes (M-6, {@code liuhua.manual.checklist-item-published.v1}), kept so
 * that patrol findings and cluster assessments may reference only item codes that exist. One document per item,
 * {@code _id} = the item's stable code; an item published again overwrites its own document unless a later
 * publication is stored, so a redelivered or reordered event changes nothing. Only {@code _id} is ever queried.
 */
@Service
public class ChecklistItemCodes {

    private final MongoTemplate mongo;

    ChecklistItemCodes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * An item manual-service published (or published again). The latest publication wins whatever the order of
     * delivery: a publication older than the stored one changes nothing (one without a time always applies).
     */
    public void published(String code, String text, String category, boolean major, boolean verified,
                          Instant publishedAt) {
        Update update = new Update().set("text", text).set("category", category).set("major", major)
                .set("verified", verified).set("publishedAt", publishedAt);
        if (publishedAt == null) {
            mongo.upsert(new Query(Criteria.where("_id").is(code)), update, ChecklistItemStorage.COLLECTION);
            return;
        }
        Query notNewer = new Query(Criteria.where("_id").is(code).orOperator(
                Criteria.where("publishedAt").lte(publishedAt), Criteria.where("publishedAt").is(null)));
        for (int attempt = 0; attempt < 2; attempt++) {
            if (mongo.updateFirst(notNewer, update, ChecklistItemStorage.COLLECTION).getMatchedCount() > 0
                    || known(code)) {
                return;   // applied, or a newer publication is stored
            }
            try {
                mongo.insert(new Document("_id", code).append("text", text).append("category", category)
                        .append("major", major).append("verified", verified).append("publishedAt", publishedAt),
                        ChecklistItemStorage.COLLECTION);
                return;
            } catch (DuplicateKeyException concurrent) {
                // inserted meanwhile: decide again against the stored publication
            }
        }
    }

    /** Whether manual-service published an item with this code. */
    public boolean known(String code) {
        return code != null
                && mongo.exists(new Query(Criteria.where("_id").is(code)), ChecklistItemStorage.COLLECTION);
    }

    /** The codes of {@code codes} that no published item has. */
    public Set<String> unknown(Collection<String> codes) {
        Set<String> wanted = new LinkedHashSet<>();
        codes.stream().filter(c -> c != null && !c.isBlank()).forEach(wanted::add);
        if (wanted.isEmpty()) {
            return Set.of();
        }
        Query query = new Query(Criteria.where("_id").in(wanted));
        query.fields().include("_id");
        Set<String> found = new HashSet<>();
        mongo.find(query, Document.class, ChecklistItemStorage.COLLECTION)
                .forEach(d -> found.add(d.getString("_id")));
        wanted.removeAll(found);
        return wanted;
    }

    /**
     * One problem per code no published item has, each naming its field: {@code field} itself for a single code, or
     * {@code field[i]} for the i-th of a list.
     */
    public List<FieldProblem> problems(String field, List<String> codes, boolean indexed) {
        if (codes == null || codes.isEmpty()) {
            return List.of();
        }
        Set<String> unknown = unknown(codes);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (unknown.contains(codes.get(i))) {
                problems.add(new FieldProblem(indexed ? field + "[" + i + "]" : field,
                        "no checklist item " + codes.get(i) + " (codes are the ones manual-service publishes)"));
            }
        }
        return problems;
    }
}
