package org.liuhua.reporting.hazards;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.reporting.hazards.HazardResults.AttentionHazard;
import org.liuhua.reporting.hazards.domain.AttentionList;
import org.liuhua.reporting.hazards.domain.Contributions;
import org.liuhua.reporting.hazards.domain.HazardFact;
import org.liuhua.reporting.stats.Names;

import static org.liuhua.reporting.hazards.HazardDocuments.number;

/**
 * The rows documents of the attention lists ({@link AttentionList}) in {@code attention_lists_v<N>}: which
 * documents a fact is a row of, the row itself, and the writes that move a fact's rows from where it was listed to
 * where it is listed now. The fact decides: its rows are set where it belongs and unset where it no longer does, so
 * a duplicate or stale event (which changes no fact) writes nothing and a replayed one writes the same.
 */
final class AttentionRows {

    static final String ROWS = "rows";

    private AttentionRows() {
    }

    /** The documents the fact is a row of now, each with its row. */
    static Map<String, Document> of(HazardFact f, CityCalendar calendar) {
        Map<String, Document> docs = new LinkedHashMap<>();
        if (f.state == null || f.isVoided()) {
            return docs;
        }
        String month = AttentionList.month(f, calendar);
        Document row = null;
        for (AttentionList list : AttentionList.values()) {
            if (list.holds(f)) {
                row = row == null ? row(f) : row;
                for (String scope : AttentionList.scopes(f)) {
                    docs.put(list.documentId(scope, month), row);
                }
            }
        }
        return docs;
    }

    /** The field of a hazard's row in a rows document. */
    static String field(String hazardId) {
        return ROWS + "." + Contributions.key(hazardId);
    }

    /**
     * The writes for one batch: per document, the rows to set (the facts listed there now) and to unset (the facts
     * listed there before and not any more).
     */
    static void move(String hazardId, Collection<String> before, Map<String, Document> after,
                     Map<String, Document[]> writes) {
        after.forEach((id, row) -> writes.computeIfAbsent(id, i -> new Document[] {new Document(), new Document()})[0]
                .put(field(hazardId), row));
        for (String id : before) {
            if (!after.containsKey(id)) {
                writes.computeIfAbsent(id, i -> new Document[] {new Document(), new Document()})[1]
                        .put(field(hazardId), "");
            }
        }
    }

    static java.util.List<WriteModel<Document>> updates(Map<String, Document[]> writes) {
        java.util.List<WriteModel<Document>> updates = new java.util.ArrayList<>();
        writes.forEach((id, setAndUnset) -> {
            Document update = new Document();
            if (!setAndUnset[0].isEmpty()) {
                update.put("$set", setAndUnset[0]);
            }
            if (!setAndUnset[1].isEmpty()) {
                update.put("$unset", setAndUnset[1]);
            }
            updates.add(new UpdateOneModel<>(Filters.eq("_id", id), update,
                    new UpdateOptions().upsert(!setAndUnset[0].isEmpty())));
        });
        return updates;
    }

    static Document row(HazardFact f) {
        return new Document("hazardId", f.hazardId).append("establishmentId", f.establishmentId)
                .append("townId", f.townId).append("departmentId", f.supervisingDepartment())
                .append("industry", f.industry).append("category", f.category)
                .append("severity", f.severity).append("state", f.state)
                .append("deadline", f.deadline == null ? null : f.deadline.toString())
                .append("level", f.escalationLevel()).append("overdue", f.overdue)
                .append("reportedAt", f.reportedAt == null ? null : Date.from(f.reportedAt));
    }

    static AttentionHazard read(Document d, Names names) {
        String town = d.getString("townId");
        String department = d.getString("departmentId");
        Object reportedAt = d.get("reportedAt");
        return new AttentionHazard(d.getString("hazardId"), d.getString("establishmentId"), town,
                town == null ? null : names.town(town), department,
                department == null ? null : names.department(department), d.getString("industry"),
                d.getString("category"), d.getString("severity"), d.getString("state"),
                d.getString("deadline") == null ? null : LocalDate.parse(d.getString("deadline")),
                (int) number(d, "level"), Boolean.TRUE.equals(d.getBoolean("overdue")),
                reportedAt instanceof Date date ? date.toInstant() : null);
    }
}
