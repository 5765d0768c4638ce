package org.liuhua.hazard.loop;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which hazards belong to an establishment, kept by {@code _id} (ADR 14): one document per establishment in
 * {@code establishment_hazards}, {@code _id} = establishmentId, with the ids of all its hazards. The ledger reads it and
 * then the hazards themselves by {@code _id $in}, so one establishment's ledger costs what the establishment has, not
 * what the city has (the MongoDB stand-in answers a query on {@code establishmentId} by scanning {@code hazards}).
 *
 * <p>Only membership is kept, never a copy of a hazard's fields: the ledger reads the hazards as they are, so it is
 * never stale, and writers never contend (adding an id to a set is atomic and commutative). A hazard never changes its
 * establishment. {@link HazardStore#insert} records the id <em>before</em> it writes the hazard, so a stored hazard is
 * always a member (an id whose hazard was then not written is simply not found). Data stored before this existed is
 * added by one pass at start-up; until it has finished ({@code hazard_ledger_state} {@code {_id: "members"}}) the
 * ledger queries {@code hazards} as before. A loader that writes hazards behind the service's back (the benchmark's
 * {@code ScaleData}) writes their membership the same way.
 */
@Component
public class EstablishmentHazards {

    public static final String COLLECTION = "establishment_hazards";
    public static final String HAZARD_IDS = "hazardIds";
    static final String STATE = "hazard_ledger_state";
    static final String MEMBERS_BUILT = "members";
    private static final int BUILD_BATCH = 1_000;
    private static final Logger log = LoggerFactory.getLogger(EstablishmentHazards.class);

    private final MongoTemplate mongo;
    private volatile boolean built;

    EstablishmentHazards(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records that hazard {@code hazardId} belongs to {@code establishmentId} (idempotent). */
    void join(String establishmentId, String hazardId) {
        if (establishmentId == null) {
            return;
        }
        mongo.upsert(new Query(Criteria.where("_id").is(establishmentId)),
                new Update().addToSet(HAZARD_IDS, hazardId), COLLECTION);
    }

    /**
     * The ids of every hazard of the establishment, or empty while the membership of data stored earlier is still
     * being built (the caller then queries {@code hazards}).
     */
    Optional<List<String>> hazardIds(String establishmentId) {
        if (!isBuilt()) {
            return Optional.empty();
        }
        Document members = mongo.findById(establishmentId, Document.class, COLLECTION);
        return Optional.of(members == null ? List.of() : members.getList(HAZARD_IDS, String.class, List.of()));
    }

    /**
     * The hazards of some establishments with the given fields (and {@code _id}): read by {@code _id} — their members,
     * then those hazards — or, while the membership of older data is still being built, by a query on
     * {@code establishmentId} (a scan on the stand-in). What intake needs to find a finding's duplicate or the open
     * hazard it corroborates, at the cost of those establishments' hazards, not the city's.
     */
    public List<Document> hazardsOf(Collection<String> establishmentIds, String... fields) {
        if (establishmentIds.isEmpty()) {
            return List.of();
        }
        if (!isBuilt()) {
            Query theirs = new Query(Criteria.where("establishmentId").in(establishmentIds));
            theirs.fields().include(fields);
            return mongo.find(theirs, Document.class, HazardStore.COLLECTION);
        }
        List<String> ids = new ArrayList<>();
        Query members = new Query(Criteria.where("_id").in(establishmentIds));
        for (Document d : mongo.find(members, Document.class, COLLECTION)) {
            ids.addAll(d.getList(HAZARD_IDS, String.class, List.of()));
        }
        return byId(ids, fields);
    }

    /** Hazards by {@code _id $in}, in chunks of 1,000, projected to {@code fields}. */
    List<Document> byId(List<String> ids, String... fields) {
        List<Document> hazards = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += BUILD_BATCH) {
            Query byId = new Query(Criteria.where("_id").in(ids.subList(from, Math.min(ids.size(), from + BUILD_BATCH))));
            byId.fields().include(fields);
            hazards.addAll(mongo.find(byId, Document.class, HazardStore.COLLECTION));
        }
        return hazards;
    }

    private boolean isBuilt() {
        if (!built) {
            built = mongo.findById(MEMBERS_BUILT, Document.class, STATE) != null;
        }
        return built;
    }

    /** At start: the membership of hazards stored before it was kept, in one background pass. */
    @EventListener(ApplicationReadyEvent.class)
    void buildOnce() {
        if (isBuilt()) {
            return;
        }
        Thread pass = new Thread(this::build, "establishment-hazards-build");
        pass.setDaemon(true);
        pass.start();
    }

    /** One pass over {@code hazards} (ids and establishments only), written in batches; then the marker. */
    void build() {
        try {
            long started = System.nanoTime();
            Query all = new Query().cursorBatchSize(BUILD_BATCH);
            all.fields().include("_id", "establishmentId");
            Map<String, Set<String>> batch = new LinkedHashMap<>();
            long hazards = 0;
            int inBatch = 0;
            try (var documents = mongo.stream(all, Document.class, HazardStore.COLLECTION)) {
                for (Document d : (Iterable<Document>) documents::iterator) {
                    String establishment = d.getString("establishmentId");
                    if (establishment != null) {
                        batch.computeIfAbsent(establishment, e -> new LinkedHashSet<>()).add(d.getString("_id"));
                    }
                    hazards++;
                    if (++inBatch == BUILD_BATCH) {
                        write(batch);
                        batch.clear();
                        inBatch = 0;
                    }
                }
            }
            write(batch);
            mongo.save(new Document("_id", MEMBERS_BUILT).append("hazards", hazards), STATE);
            built = true;
            log.info("establishment membership of {} stored hazards built in {} ms", hazards,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // the ledger keeps querying hazards; the next start tries again
            log.warn("establishment membership not built, the ledger queries hazards until the next start: {}",
                    e.toString());
        }
    }

    /** Adds each establishment's ids of one batch in one bulk write (one update per establishment). */
    private void write(Map<String, ? extends Collection<String>> idsByEstablishment) {
        if (idsByEstablishment.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        idsByEstablishment.forEach((establishment, ids) -> bulk.upsert(
                new Query(Criteria.where("_id").is(establishment)),
                new Update().addToSet(HAZARD_IDS).each(new ArrayList<>(ids).toArray())));
        bulk.execute();
    }
}
