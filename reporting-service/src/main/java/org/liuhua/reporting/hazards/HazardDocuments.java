package org.liuhua.reporting.hazards;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;
import org.liuhua.reporting.hazards.domain.HazardFact;

/** A hazard fact as its document in {@code hazard_facts_v<N>} and back, and the shape of nested counter documents. */
final class HazardDocuments {

    private HazardDocuments() {
    }

    static Document write(HazardFact f) {
        Document d = new Document("_id", f.hazardId);
        d.put("revision", f.revision);
        d.put("establishmentId", f.establishmentId);
        d.put("townId", f.townId);
        d.put("departmentId", f.departmentId);
        d.put("transferredDepartmentId", f.transferredDepartmentId);
        d.put("transferRevision", f.transferRevision);
        d.put("industry", f.industry);
        d.put("category", f.category);
        d.put("severity", f.severity);
        d.put("source", f.source);
        d.put("state", f.state);
        d.put("deadline", f.deadline == null ? null : f.deadline.toString());
        d.put("overdue", f.overdue);
        d.put("lastEvent", f.lastEvent);
        d.put("reportedAt", date(f.reportedAt));
        d.put("transferredAt", date(f.transferredAt));
        d.put("acknowledgedAt", date(f.acknowledgedAt));
        d.put("rectifiedAt", date(f.rectifiedAt));
        d.put("reviewPassedAt", date(f.reviewPassedAt));
        d.put("reviewFailedAt", date(f.reviewFailedAt));
        d.put("enforcedAt", date(f.enforcedAt));
        d.put("enforcementKind", f.enforcementKind);
        d.put("penaltyCny", f.penaltyCny == null ? null : f.penaltyCny.toPlainString());
        d.put("caseNumber", f.caseNumber);
        d.put("enforcementRevision", f.enforcementRevision);
        d.put("overdueAt", date(f.overdueAt));
        Document escalated = new Document();
        f.escalatedAt.forEach((level, at) -> escalated.put(String.valueOf(level), date(at)));
        d.put("escalatedAt", escalated);
        d.put("escalationLevel", f.escalationLevel());
        d.put("closedAt", date(f.closedAt));
        return d;
    }

    static HazardFact read(Document d) {
        HazardFact f = new HazardFact(d.getString("_id"));
        f.revision = number(d, "revision");
        f.establishmentId = d.getString("establishmentId");
        f.townId = d.getString("townId");
        f.departmentId = d.getString("departmentId");
        f.transferredDepartmentId = d.getString("transferredDepartmentId");
        f.transferRevision = number(d, "transferRevision");
        f.industry = d.getString("industry");
        f.category = d.getString("category");
        f.severity = d.getString("severity");
        f.source = d.getString("source");
        f.state = d.getString("state");
        f.deadline = d.getString("deadline") == null ? null : LocalDate.parse(d.getString("deadline"));
        f.overdue = Boolean.TRUE.equals(d.getBoolean("overdue"));
        f.lastEvent = d.getString("lastEvent");
        f.reportedAt = instant(d, "reportedAt");
        f.transferredAt = instant(d, "transferredAt");
        f.acknowledgedAt = instant(d, "acknowledgedAt");
        f.rectifiedAt = instant(d, "rectifiedAt");
        f.reviewPassedAt = instant(d, "reviewPassedAt");
        f.reviewFailedAt = instant(d, "reviewFailedAt");
        f.enforcedAt = instant(d, "enforcedAt");
        f.enforcementKind = d.getString("enforcementKind");
        f.penaltyCny = d.getString("penaltyCny") == null ? null : new BigDecimal(d.getString("penaltyCny"));
        f.caseNumber = d.getString("caseNumber");
        f.enforcementRevision = number(d, "enforcementRevision");
        f.overdueAt = instant(d, "overdueAt");
        Object escalated = d.get("escalatedAt");
        if (escalated instanceof Map<?, ?> levels) {
            levels.forEach((level, at) -> {
                if (at instanceof Date date) {
                    f.escalatedAt.put(Integer.valueOf(String.valueOf(level)), date.toInstant());
                }
            });
        }
        f.closedAt = instant(d, "closedAt");
        return f;
    }

    /** {@code {"byState.REPORTED": 3, "total": 5}} → {@code {"byState": {"REPORTED": 3}, "total": 5}}. */
    static Document nest(Map<String, Long> flat) {
        Document root = new Document();
        flat.forEach((path, n) -> {
            String[] parts = path.split("\\.");
            Document at = root;
            for (int i = 0; i < parts.length - 1; i++) {
                Object next = at.get(parts[i]);
                if (!(next instanceof Document)) {
                    next = new Document();
                    at.put(parts[i], next);
                }
                at = (Document) next;
            }
            at.put(parts[parts.length - 1], n);
        });
        return root;
    }

    static long number(Map<String, Object> d, String field) {
        Object value = d == null ? null : d.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** A nested map of counts, without the zero entries (a counter that went back to 0 is not a key). */
    static Map<String, Long> counts(Map<String, Object> d, String field) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Object value = d == null ? null : d.get(field);
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v instanceof Number n && n.longValue() != 0) {
                    counts.put(String.valueOf(k), n.longValue());
                }
            });
        }
        return counts;
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static Instant instant(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Date date ? date.toInstant() : null;
    }
}
