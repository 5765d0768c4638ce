package org.liuhua.reporting;

import java.util.ArrayList;
import java.util.List;

import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.test.QueryPaths.Path;
import org.liuhua.reporting.audit.AuditIndexConfiguration;
import org.liuhua.reporting.audit.AuditLog;
import org.liuhua.reporting.hazards.HazardFactIndexConfiguration;
import org.liuhua.reporting.hazards.HazardFacts;

/** Every way reporting-service reads its collections, as its queries build them (first field first). */
final class ReportingQueryPaths {

    static final String FACTS = HazardFacts.COLLECTION;
    static final String AUDIT = AuditLog.COLLECTION;

    private ReportingQueryPaths() {
    }

    static List<Path> all() {
        List<Path> paths = new ArrayList<>(List.of(
                // an event applied: version-guarded upsert by hazard id
                Path.of(FACTS, "_id", "revision"),
                // the headline counts; totals and groupings read the whole collection
                Path.of(FACTS),
                Path.of(FACTS, "state"),
                Path.of(FACTS, "overdue", "state"),
                Path.of(FACTS, "severity", "state"),
                // the audit list, newest first, and each of its filters first
                Path.of(AUDIT),
                Path.of(AUDIT).sortedBy("occurredAt", "_id"),
                Path.of(AUDIT, "subject").sortedBy("occurredAt", "_id"),
                Path.of(AUDIT, "username").sortedBy("occurredAt", "_id"),
                Path.of(AUDIT, "action").sortedBy("occurredAt", "_id"),
                Path.of(AUDIT, "targetId").sortedBy("occurredAt", "_id"),
                Path.of(AUDIT, "occurredAt").sortedBy("occurredAt", "_id")));
        // a list's count has the filter without the order
        for (String first : List.of("subject", "username", "action", "targetId", "occurredAt")) {
            paths.add(Path.of(AUDIT, first));
        }
        return paths;
    }

    /** The service's index declarations, as the application context has them. */
    static List<CollectionIndexes> declared() {
        return List.of(new HazardFactIndexConfiguration().hazardFactIndexes(), new AuditIndexConfiguration().auditRecordIndexes());
    }
}
