package org.liuhua.grid.plan;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.liuhua.grid.patrol.PatrolRecorded;
import org.liuhua.grid.patrol.Patrols;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Fills the plan's read models ({@link PatrolWindows}, {@link InspectorMonths}) once from what was stored before they
 * existed: every patrol, then every hazard learnt of ({@code finding_hazards}: the finding that opened it, the findings
 * that joined it, whether it is closed). Runs at start-up until its marker document ({@value #MARKER} in
 * {@code patrol_windows}) is written; every step is an idempotent upsert, so two replicas starting together, or a
 * start-up interrupted half-way, do no harm.
 */
@Component
class PlanReadModels implements ApplicationRunner {

    static final String MARKER = "#rebuilt-1";
    private static final Logger LOG = LoggerFactory.getLogger(PlanReadModels.class);

    private final MongoTemplate mongo;
    private final Patrols patrols;
    private final PatrolWindows windows;
    private final InspectorMonths months;

    PlanReadModels(MongoTemplate mongo, Patrols patrols, PatrolWindows windows, InspectorMonths months) {
        this.mongo = mongo;
        this.patrols = patrols;
        this.windows = windows;
        this.months = months;
    }

    @Override
    public void run(ApplicationArguments args) {
        Query marker = new Query(Criteria.where("_id").is(MARKER));
        if (mongo.exists(marker, PlanStorage.PATROL_WINDOWS)) {
            return;
        }
        int[] count = new int[1];
        patrols.forEach(patrol -> {
            PatrolRecorded recorded = new PatrolRecorded(patrol);
            windows.recorded(recorded);
            months.recorded(recorded);
            count[0]++;
        });
        for (Document hazard : mongo.findAll(Document.class, PlanStorage.FINDING_HAZARDS)) {
            String id = hazard.getString("_id");
            if (id.startsWith(FindingHazards.MARKER)) {
                String hazardId = hazard.getString("hazardId");
                Document of = hazardId == null ? null : mongo.findById(hazardId, Document.class,
                        PlanStorage.FINDING_HAZARDS);
                months.hazard(id.substring(FindingHazards.MARKER.length()),
                        of != null && Boolean.TRUE.equals(of.getBoolean("closed")));
                continue;
            }
            Set<String> keys = new LinkedHashSet<>();
            if (hazard.getString("findingId") != null) {
                keys.add(hazard.getString("findingId"));
            }
            if (hazard.get("findingKeys") instanceof List<?> list) {
                list.forEach(k -> keys.add(String.valueOf(k)));
            }
            boolean closed = Boolean.TRUE.equals(hazard.getBoolean("closed"));
            keys.forEach(key -> months.hazard(key, closed));
        }
        mongo.upsert(marker, new Update().set("at", Instant.now()), PlanStorage.PATROL_WINDOWS);
        LOG.info("plan read models filled from {} stored patrols", count[0]);
    }
}
