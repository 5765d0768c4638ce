package org.liuhua.reporting.names;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.Projections;
import org.liuhua.reporting.projection.ProjectionsChanged;
import org.liuhua.reporting.stats.Names;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link Names} from the active generation's {@code region_names} (towns, from grid's {@code RegionChanged}) and the
 * configured department register ({@link NamesProperties}); the id itself when a name is not known. Names are read by
 * {@code _id}; names (and towns not named yet) are cached per generation and dropped whenever grid figures change.
 */
@Component
@EnableConfigurationProperties(NamesProperties.class)
public class RegionNames implements Names {

    /** A town as the region tree names it. */
    public record Town(String townId, String name, String kind) {
    }

    private final MongoTemplate mongo;
    private final Projections projections;
    private final NamesProperties properties;
    private final Map<String, String> cache = new ConcurrentHashMap<>();
    /** Counts the changes of names: a name read before a change is not cached after it. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    RegionNames(MongoTemplate mongo, Projections projections, NamesProperties properties) {
        this.mongo = mongo;
        this.projections = projections;
        this.properties = properties;
    }

    @Override
    public String town(String townId) {
        if (townId == null) {
            return null;
        }
        ProjectionSpace space = projections.active();
        String cacheKey = space.version() + "/" + townId;
        String known = cache.get(cacheKey);
        if (known != null) {
            return known;
        }
        long seen = changes.get();
        Document region = mongo.findById(townId, Document.class, space.collection(NamesProjector.REGIONS));
        // a town without a name yet is remembered too (as its id): the cache is dropped when names change
        String name = region == null || region.getString("name") == null ? townId : region.getString("name");
        if (changes.get() == seen) {
            cache.put(cacheKey, name);
        }
        return name;
    }

    @Override
    public String department(String departmentId) {
        if (departmentId == null) {
            return null;
        }
        return properties.departments().getOrDefault(departmentId, departmentId);
    }

    /** The towns of the region tree, by id (one document read by {@code _id}). */
    public List<Town> towns() {
        Document towns = mongo.findById(NamesProjector.TOWNS, Document.class,
                projections.active().collection(NamesProjector.REGIONS));
        if (towns == null || towns.get("towns", Document.class) == null) {
            return List.of();
        }
        return towns.get("towns", Document.class).values().stream().map(Document.class::cast)
                .map(d -> new Town(d.getString("townId"), d.getString("name"), d.getString("kind")))
                .sorted(Comparator.comparing(Town::townId)).toList();
    }

    @EventListener
    void changed(ProjectionsChanged changed) {
        if (changed.kinds().contains("grid") || changed.kinds().contains("names")) {
            changes.incrementAndGet();
            cache.clear();
        }
    }
}
