package org.liuhua.reporting;

import org.liuhua.reporting.establishments.InterviewsProjector;
import org.liuhua.reporting.grid.GridProjector;
import org.liuhua.reporting.handbooks.HandbooksProjector;
import org.liuhua.reporting.names.NamesProjector;
import org.liuhua.reporting.projection.TownMonths;
import org.liuhua.reporting.training.TrainingProjector;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.test.QueryPaths.Path;
import org.liuhua.reporting.audit.AuditIndexConfiguration;
import org.liuhua.reporting.audit.AuditLog;
import org.liuhua.reporting.hazards.HazardProjector;
import org.liuhua.reporting.projection.TownMonths;

/**
 * Every way reporting-service reads its collections, as its queries build them (first field first). Read-model
 * collections carry their generation ({@code hazard_facts_v2}); paths name the base collection ({@link #base}).
 */
final class ReportingQueryPaths {

    static final String FACTS = HazardProjector.FACTS;
    static final String AUDIT = AuditLog.COLLECTION;
    static final List<String> READ_MODELS = List.of(HazardProjector.FACTS, HazardProjector.TRANSITIONS,
            HazardProjector.ATTENTION, HazardProjector.FIGURES, HazardProjector.MONTHS, HazardProjector.DAYS,
            TownMonths.COLLECTION);
    private static final Pattern GENERATION = Pattern.compile("_v\\d+$");

    private ReportingQueryPaths() {
    }

    static List<Path> all() {
        List<Path> paths = new ArrayList<>(List.of(
                // the active generation
                Path.of("projection_state", "_id"),
                // a batch loads its facts by _id $in and writes facts, transitions, attention rows and counters by _id
                Path.of(FACTS, "_id"),
                Path.of(HazardProjector.TRANSITIONS, "_id"),
                Path.of(HazardProjector.ATTENTION, "_id"),
                Path.of(HazardProjector.FIGURES, "_id"),
                Path.of(HazardProjector.MONTHS, "_id"),
                Path.of(HazardProjector.DAYS, "_id"),
                Path.of(TownMonths.COLLECTION, "_id"),
                // the reconciliation reads the facts whole once and the ids of what it replaces (the attention
                // lists' rows documents among them); a page of an attention list reads its months' documents by _id
                Path.of(FACTS),
                Path.of(HazardProjector.ATTENTION),
                Path.of(HazardProjector.FIGURES),
                Path.of(HazardProjector.MONTHS),
                Path.of(HazardProjector.DAYS),
                Path.of(TownMonths.COLLECTION),
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

    /**
     * The paths of the context read models (grid, names, training, handbooks, interviews, the one-page view), by base
     * collection name (each generation's collection is {@code <base>_v<N>}): every read and every projector write by
     * {@code _id}. {@code QueryPathsIT} drives only the hazard and audit endpoints, so these are held by
     * {@code IndexTest} alone.
     */
    static List<Path> context() {
        List<Path> paths = new ArrayList<>();
        for (String collection : List.of(GridProjector.ESTABLISHMENTS, GridProjector.COUNTS, GridProjector.COUNT_MOVES,
                GridProjector.INSPECTOR_MONTHS, GridProjector.INSPECTORS, GridProjector.ESTABLISHMENT_PATROLS,
                GridProjector.STAFFING, GridProjector.CLUSTERS, NamesProjector.REGIONS, TownMonths.COLLECTION,
                TrainingProjector.ESTABLISHMENT_TRAINING, HandbooksProjector.ESTABLISHMENT_HANDBOOKS,
                HandbooksProjector.ESTABLISHMENT_CHECKLISTS, HandbooksProjector.COUNTS, HandbooksProjector.COUNT_MOVES,
                InterviewsProjector.ESTABLISHMENT_INTERVIEWS, "hazard_figures")) {
            paths.add(Path.of(collection, "_id"));
        }
        return paths;
    }

    /** The service's index declarations, as the application context has them (read models by base name). */
    static List<CollectionIndexes> declared() {
        List<CollectionIndexes> declared = new ArrayList<>(HazardProjector.declaredIndexes());
        declared.add(new AuditIndexConfiguration().auditRecordIndexes());
        declared.addAll(GridProjector.declaredIndexes());
        declared.addAll(NamesProjector.declaredIndexes());
        declared.addAll(TrainingProjector.declaredIndexes());
        declared.addAll(HandbooksProjector.declaredIndexes());
        declared.addAll(InterviewsProjector.declaredIndexes());
        return declared;
    }

    /** A recorded path with the generation taken off its collection ({@code hazard_facts_v2} → {@code hazard_facts}). */
    static Path base(Path recorded) {
        String collection = GENERATION.matcher(recorded.collection()).replaceFirst("");
        return new Path(collection, recorded.filter(), recorded.sort());
    }
}
