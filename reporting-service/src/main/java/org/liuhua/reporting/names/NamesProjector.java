package org.liuhua.reporting.names;

import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.RegionChanged;
import org.liuhua.kit.messaging.EventRouter;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.Projector;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The region tree's names ({@code region_names}, {@code _id} = region id: level, kind, name, parent, town, revision;
 * and {@code _id = _towns}: the towns with name and kind) from {@code RegionChanged}; the latest revision wins (the event's key is the region: one writer per region, so it is
 * read by {@code _id}, compared and written by {@code _id}). Rebuilt by a replay like every read model.
 */
@Component
public class NamesProjector implements Projector {

    public static final String REGIONS = "region_names";
    /** The document of {@link #REGIONS} that lists the towns (so the town list is read by {@code _id}). */
    public static final String TOWNS = "_towns";

    private final MongoTemplate mongo;

    NamesProjector(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String name() {
        return "names";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.GRID);
    }

    @Override
    public List<CollectionIndexes> indexes() {
        return declaredIndexes();
    }

    /** The base collections it writes and their indexes (also read by the service's index test). */
    public static List<CollectionIndexes> declaredIndexes() {
        return List.of(CollectionIndexes.of(REGIONS));
    }

    @Override
    public void apply(List<CloudEvent> batch, ProjectionSpace space) {
        Map<String, RegionChanged> latest = new LinkedHashMap<>();
        EventRouter router = EventRouter.named("reporting-service/names")
                .on(RegionChanged.class, (RegionChanged r) -> {
                    if (r.regionId() == null) {
                        throw new IllegalArgumentException("a region change without regionId");
                    }
                    latest.merge(r.regionId(), r, (a, b) -> b.revision() >= a.revision() ? b : a);
                })
                .build();
        batch.forEach(router::route);
        if (latest.isEmpty()) {
            return;
        }
        String collection = space.collection(REGIONS);
        Map<String, Long> stored = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(List.copyOf(latest.keySet()))), Document.class, collection)
                .forEach(d -> stored.put(d.getString("_id"), ((Number) d.getOrDefault("revision", 0L)).longValue()));
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        int writes = 0;
        for (RegionChanged r : latest.values()) {
            if (stored.containsKey(r.regionId()) && stored.get(r.regionId()) >= r.revision()) {
                continue;
            }
            bulk.upsert(Query.query(Criteria.where("_id").is(r.regionId())), new Update()
                    .set("level", r.level()).set("kind", r.kind()).set("name", r.name())
                    .set("parentId", r.parentId()).set("townId", r.townId()).set("revision", r.revision())
                    .set("changedAt", r.changedAt() == null ? null : Date.from(r.changedAt())));
            if ("TOWN".equals(r.level())) {
                bulk.upsert(Query.query(Criteria.where("_id").is(TOWNS)), new Update()
                        .set("towns." + r.regionId().replace('.', '_').replace('$', '_'),
                                new Document("townId", r.regionId()).append("name", r.name()).append("kind", r.kind())));
            }
            writes++;
        }
        if (writes > 0) {
            bulk.execute();
        }
    }
}
