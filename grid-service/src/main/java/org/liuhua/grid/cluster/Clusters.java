package org.liuhua.grid.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.liuhua.grid.GridProperties;
import org.liuhua.grid.TimeBounds;
import org.liuhua.grid.Saved;
import org.liuhua.grid.checklist.ChecklistItemCodes;
import org.liuhua.grid.cluster.domain.Assessment;
import org.liuhua.grid.cluster.domain.Cluster;
import org.liuhua.grid.establishment.Establishments;
import org.liuhua.grid.region.Regions;
import org.liuhua.grid.scope.CallerScope;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.web.PageQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Industrial clusters and the "双七十" rates (G-8). */
@Service
public class Clusters {

    private final AggregateStore<Cluster> store;
    private final Regions regions;
    private final Establishments establishments;
    private final ChecklistItemCodes checklistItems;
    private final GridProperties properties;
    private final Clock clock;

    Clusters(AggregateStore<Cluster> store, Regions regions, Establishments establishments,
             ChecklistItemCodes checklistItems, GridProperties properties, Clock clock) {
        this.store = store;
        this.regions = regions;
        this.establishments = establishments;
        this.checklistItems = checklistItems;
        this.properties = properties;
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
        Saved<Cluster> saved = Saved.insertOnce(store, cluster, cluster::sameAs,
                () -> new ConflictException("cluster " + id + " exists with different content"));
        // the members name the cluster too (G-2: links kept in step both ways)
        memberIds.forEach(member -> establishments.linkCluster(member, id, townId, null));
        return saved;
    }

    public Cluster assess(String id, String establishmentId, boolean passed, List<String> failedItems,
                          List<String> checklistItemCodes, Instant assessedAt, CallerScope scope) {
        List<FieldProblem> unknown = new ArrayList<>();
        TimeBounds.past("assessedAt", assessedAt, clock, unknown);
        unknown.addAll(checklistItems.problems("checklistItemCodes", checklistItemCodes, true));
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
        return Saved.change(store, id, "cluster", cluster -> {
            requireVisible(cluster, scope);
            if (!scope.caller().hasAny(Roles.CITY_ADMIN, Roles.TOWN_OFFICER, Roles.INSPECTOR)) {
                throw new ForbiddenException("only inspectors and officers assess");
            }
            Instant now = clock.instant();
            Assessment assessment = new Assessment(establishmentId, passed,
                    failedItems == null ? List.of() : List.copyOf(failedItems),
                    assessedAt == null ? now : assessedAt, scope.caller().username(), now, checklistItemCodes);
            return cluster.assess(assessment, properties.clusterThresholdPercent());
        }).value();
    }

    /** A cluster of a town the caller sees, or 404. */
    public Cluster get(String id, CallerScope scope) {
        Cluster cluster = store.findById(id).orElseThrow(() -> new NotFoundException("cluster", id));
        requireVisible(cluster, scope);
        return cluster;
    }

    private static void requireVisible(Cluster cluster, CallerScope scope) {
        if (!scope.seesTown(cluster.townId())) {
            throw new NotFoundException("cluster", cluster.id());
        }
    }

    public Page<Cluster> list(String townId, CallerScope scope, PageQuery page) {
        return store.page(new Query(scope.restrictToTown(new Criteria(), townId)), page.pageable());
    }

    public record Summary(String townId, int clusters, int standardised, double rate, int thresholdPercent,
                          int targetPercent, boolean targetMet) {
    }

    /** The share of standardised clusters (city target ≥ 70 %), city-wide or for one town. */
    public Summary summary(String townId, CallerScope scope) {
        int threshold = properties.clusterThresholdPercent();
        int target = properties.cityClusterTargetPercent();
        List<Cluster> all = store.find(new Query(scope.restrictToTown(new Criteria(), townId)));
        int standardised = (int) all.stream().filter(c -> c.standardised(threshold)).count();
        double rate = all.isEmpty() ? 0.0 : Math.round(10000.0 * standardised / all.size()) / 10000.0;
        return new Summary(townId, all.size(), standardised, rate, threshold, target,
                !all.isEmpty() && standardised * 100 >= target * all.size());
    }

    /** Whether a cluster meets the threshold share of passing members. */
    public boolean standardised(Cluster cluster) {
        return cluster.standardised(properties.clusterThresholdPercent());
    }
}
