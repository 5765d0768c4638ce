package org.liuhua.grid.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.liuhua.grid.GridProperties;
import org.liuhua.grid.TimeBounds;
import org.liuhua.grid.Saved;
import org.liuhua.grid.checklist.ChecklistItemCodes;
import org.liuhua.grid.cluster.domain.Assessment;
import org.liuhua.grid.cluster.domain.Cluster;
import org.liuhua.grid.establishment.Establishments;
import org.liuhua.grid.establishment.domain.Establishment;
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
            memberProblem("memberIds[" + i + "]", memberIds.get(i), townId, scope).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Cluster cluster = Cluster.create(id, name, townId, memberIds, scope.caller().username(), clock.instant(),
                properties.clusterThresholdPercent());
        Saved<Cluster> saved = Saved.insertOnce(store, cluster, cluster::sameAs,
                () -> new ConflictException("cluster " + id + " exists with different content"));
        // the members name the cluster too (G-2: links kept in step both ways)
        memberIds.forEach(member -> establishments.linkCluster(member, id, townId, null));
        return saved;
    }

    /**
     * A member must be an establishment the caller sees that lies in the cluster's town (双七十 counts a town's
     * clusters by their enterprises; zhangjiagang 2022: a village is one cluster).
     */
    private Optional<FieldProblem> memberProblem(String field, String establishmentId, String townId,
                                                 CallerScope scope) {
        Optional<Establishment> found = establishments.find(establishmentId).filter(e -> scope.seesEstablishment(
                e.id(), e.townId(), e.unitId(), e.departmentId()));
        if (found.isEmpty()) {
            return Optional.of(new FieldProblem(field, "no establishment " + establishmentId));
        }
        if (!townId.equals(found.get().townId())) {
            return Optional.of(new FieldProblem(field, establishmentId + " lies in town " + found.get().townId()
                    + ", not in the cluster's town " + townId));
        }
        return Optional.empty();
    }

    /** Adds a member of the cluster's town (else 400 {@code establishmentId}); already a member: unchanged. */
    public Saved<Cluster> addMember(String id, String establishmentId, CallerScope scope) {
        Cluster cluster = get(id, scope);
        scope.requireWriteTown(cluster.townId());
        memberProblem("establishmentId", establishmentId, cluster.townId(), scope).ifPresent(p -> {
            throw new InvalidInputException(List.of(p));
        });
        Saved<Cluster> saved = Saved.change(store, id, "cluster", c -> c.addMember(establishmentId,
                scope.caller().username(), clock.instant(), properties.clusterThresholdPercent()));
        // the member names the cluster too (G-2: links kept in step both ways; it leaves its former cluster)
        establishments.linkCluster(establishmentId, id, cluster.townId(), null);
        return saved;
    }

    /** Removes a member (its assessments stay in the history, no longer counted); not a member: 404. */
    public Cluster removeMember(String id, String establishmentId, CallerScope scope) {
        Cluster cluster = Saved.change(store, id, "cluster", c -> {
            requireVisible(c, scope);
            scope.requireWriteTown(c.townId());
            return c.removeMember(establishmentId, scope.caller().username(), clock.instant(),
                    properties.clusterThresholdPercent());
        }).value();
        establishments.linkCluster(establishmentId, null, null, id);
        return cluster;
    }

    /**
     * Records an assessment of a member (by an inspector or an officer; it counts once the town safety office signs
     * it off). {@code assessmentId} is the caller's (generated when absent); the same assessment again changes nothing.
     */
    public Cluster assess(String id, String assessmentId, String establishmentId, boolean passed,
                          List<String> failedItems, List<String> checklistItemCodes, Instant assessedAt,
                          CallerScope scope) {
        List<FieldProblem> unknown = new ArrayList<>();
        TimeBounds.past("assessedAt", assessedAt, clock, unknown);
        unknown.addAll(checklistItems.problems("checklistItemCodes", checklistItemCodes, true));
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
        String assessment = assessmentId == null ? "a-" + UUID.randomUUID() : assessmentId;
        return Saved.change(store, id, "cluster", cluster -> {
            requireVisible(cluster, scope);
            if (!scope.caller().hasAny(Roles.CITY_ADMIN, Roles.TOWN_OFFICER, Roles.INSPECTOR)) {
                throw new ForbiddenException("only inspectors and officers assess");
            }
            Instant now = clock.instant();
            return cluster.assess(new Assessment(establishmentId, passed, failedItems,
                    assessedAt == null ? now : assessedAt, scope.caller().username(), now, checklistItemCodes,
                    assessment, null, null), assessmentId != null);
        }).value();
    }

    /**
     * The town safety office (a town officer of the cluster's town) signs an assessment off: the signer and time come
     * from the token and the clock; the assessor cannot sign their own (409 {@code SELF_SIGN_OFF}).
     */
    public Cluster signOff(String id, String assessmentId, CallerScope scope) {
        return Saved.change(store, id, "cluster", cluster -> {
            requireVisible(cluster, scope);
            if (!scope.caller().has(Roles.TOWN_OFFICER) || !cluster.townId().equals(scope.caller().townId())) {
                throw new ForbiddenException("only the town safety office of " + cluster.townId()
                        + " signs off assessments");
            }
            return cluster.signOff(assessmentId, scope.caller().username(), clock.instant(),
                    properties.clusterThresholdPercent());
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

    /**
     * 双七十: {@code standardised} of {@code clusters} clusters (rate, target met at ≥ {@code targetPercent}), and
     * {@code standardisedEnterprises} (规范化管理企业: a passing signed-off assessment) of their {@code enterprises}.
     */
    public record Summary(String townId, int clusters, int standardised, double rate, int thresholdPercent,
                          int targetPercent, boolean targetMet, int enterprises, int standardisedEnterprises,
                          double enterpriseRate) {
    }

    /** The share of standardised clusters (city target ≥ 70 %), city-wide or for one town. */
    public Summary summary(String townId, CallerScope scope) {
        int threshold = properties.clusterThresholdPercent();
        int target = properties.cityClusterTargetPercent();
        List<Cluster> all = store.find(new Query(scope.restrictToTown(new Criteria(), townId)));
        int standardised = (int) all.stream().filter(c -> c.standardised(threshold)).count();
        double rate = all.isEmpty() ? 0.0 : Math.round(10000.0 * standardised / all.size()) / 10000.0;
        int enterprises = all.stream().mapToInt(c -> c.memberIds().size()).sum();
        int passing = all.stream().mapToInt(Cluster::passingMembers).sum();
        double enterpriseRate = enterprises == 0 ? 0.0 : Math.round(10000.0 * passing / enterprises) / 10000.0;
        return new Summary(townId, all.size(), standardised, rate, threshold, target,
                !all.isEmpty() && standardised * 100 >= target * all.size(), enterprises, passing, enterpriseRate);
    }

    /** Whether a cluster meets the threshold share of passing members. */
    public boolean standardised(Cluster cluster) {
        return cluster.standardised(properties.clusterThresholdPercent());
    }
}
