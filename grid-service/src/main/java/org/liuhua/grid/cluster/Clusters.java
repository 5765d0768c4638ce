package org.liuhua.grid.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.liuhua.grid.GridRules;
import org.liuhua.grid.Saved;
import org.liuhua.grid.establishment.Establishments;
import org.liuhua.grid.region.Regions;
import org.liuhua.grid.scope.CallerScope;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Industrial clusters and the "双七十" rates (G-8). */
@Service
public class Clusters {

    private final MongoTemplate mongo;
    private final Regions regions;
    private final Establishments establishments;
    private final GridRules rules;
    private final Clock clock;

    Clusters(MongoTemplate mongo, Regions regions, Establishments establishments, GridRules rules, Clock clock) {
        this.mongo = mongo;
        this.regions = regions;
        this.establishments = establishments;
        this.rules = rules;
        this.clock = clock;
    }

    public Saved<Cluster> create(String id, String name, String townId, List<String> memberIds, CallerScope scope) {
        if (regions.findTown(townId).isEmpty()) {
            throw new InvalidInputException("townId", "no town " + townId);
        }
        scope.requireWriteTown(townId);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < memberIds.size(); i++) {
            if (establishments.find(memberIds.get(i)).isEmpty()) {
                problems.add(new FieldProblem("memberIds[" + i + "]", "no establishment " + memberIds.get(i)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Cluster cluster = Cluster.create(id, name, townId, memberIds);
        Cluster existing = mongo.findById(id, Cluster.class);
        if (existing != null) {
            if (existing.sameAs(cluster)) {
                return Saved.unchanged(existing);
            }
            throw new ConflictException("cluster " + id + " exists with different content");
        }
        return Saved.created(mongo.insert(cluster));
    }

    public Cluster assess(String id, String establishmentId, boolean passed, List<String> failedItems,
                          Instant assessedAt, CallerScope scope) {
        for (int attempt = 1; ; attempt++) {
            Cluster cluster = get(id, scope);
            if (!scope.caller().hasAny(Roles.CITY_ADMIN, Roles.TOWN_OFFICER, Roles.INSPECTOR)) {
                throw new ForbiddenException("only inspectors and officers assess");
            }
            Instant now = clock.instant();
            Assessment assessment = new Assessment(establishmentId, passed,
                    failedItems == null ? List.of() : List.copyOf(failedItems),
                    assessedAt == null ? now : assessedAt, scope.caller().username(), now);
            if (!cluster.assess(assessment, rules.clusterThresholdPercent(), now)) {
                return cluster;
            }
            try {
                return mongo.save(cluster);
            } catch (OptimisticLockingFailureException concurrent) {
                if (attempt >= 5) {
                    throw concurrent;
                }
            }
        }
    }

    public Cluster get(String id, CallerScope scope) {
        Cluster cluster = mongo.findById(id, Cluster.class);
        if (cluster == null || !scope.seesTown(cluster.townId())) {
            throw new NotFoundException("cluster", id);
        }
        return cluster;
    }

    public List<Cluster> list(String townId, CallerScope scope) {
        Criteria c = new Criteria();
        String filter = scope.townFilter();
        if (filter != null) {
            c.and("townId").is(townId != null && !townId.equals(filter) ? "\u0000none" : filter);
        } else if (townId != null) {
            c.and("townId").is(townId);
        }
        return mongo.find(new Query(c), Cluster.class);
    }

    public record Summary(String townId, int clusters, int standardised, double rate, int thresholdPercent,
                          int targetPercent, boolean targetMet) {
    }

    /** The share of standardised clusters (city target ≥ 70 %), city-wide or for one town. */
    public Summary summary(String townId, CallerScope scope) {
        List<Cluster> all = list(townId, scope);
        int standardised = (int) all.stream().filter(c -> c.standardised(rules.clusterThresholdPercent())).count();
        double rate = all.isEmpty() ? 0.0 : Math.round(10000.0 * standardised / all.size()) / 10000.0;
        return new Summary(townId, all.size(), standardised, rate, rules.clusterThresholdPercent(),
                rules.cityClusterTargetPercent(),
                !all.isEmpty() && standardised * 100 >= rules.cityClusterTargetPercent() * all.size());
    }
}
