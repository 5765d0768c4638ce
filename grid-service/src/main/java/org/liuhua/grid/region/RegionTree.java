package org.liuhua.grid.region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.liuhua.grid.region.domain.PatrolUnit;
import org.liuhua.grid.region.domain.RegionNode;
import org.liuhua.grid.scope.CallerScope;
import org.liuhua.kit.store.AggregateStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The region tree as one answer (G-1): city → town → village → grid → patrol unit, the retired nodes left out, each
 * node with its counts (villages, grids, units, establishments, current inspector bindings; a town also its
 * establishments in no unit, the list G-1 wants empty). Four reads of whole collections (or one town of them), counted
 * in memory: the tree is a screen of its own, not a hot path.
 */
@Service
public class RegionTree {

    private final AggregateStore<RegionNode> nodes;
    private final AggregateStore<PatrolUnit> units;
    private final MongoTemplate mongo;

    RegionTree(AggregateStore<RegionNode> nodes, AggregateStore<PatrolUnit> units, MongoTemplate mongo) {
        this.nodes = nodes;
        this.units = units;
        this.mongo = mongo;
    }

    /**
     * A node of the tree; {@code kind} is a town's or a unit's kind; {@code establishments} all of the node's (a
     * town's and the city's including those in no unit, {@code unassigned}); {@code inspectors} of a unit its
     * currently bound inspectors, above that the sum over the units (an inspector of two units counts in both).
     */
    public record Node(String id, String level, String name, String kind, int villages, int grids, int units,
                       long establishments, Long unassigned, int inspectors, List<Node> children) {
    }

    /** The tree the caller sees: the whole city, or one town ({@code townId}, within the caller's scope). */
    public Node tree(String townId, CallerScope scope) {
        Criteria inTowns = scope.restrictToTown(new Criteria(), townId);
        List<RegionNode> regions = nodes.find(new Query(inTowns)).stream().filter(n -> !n.retired()).toList();
        List<PatrolUnit> patrolUnits = units.find(new Query(scope.restrictToTown(new Criteria(), townId))).stream()
                .filter(u -> !u.retired()).toList();

        Map<String, Long> establishmentsByUnit = new HashMap<>();
        Map<String, Long> unassignedByTown = new HashMap<>();
        Query establishments = new Query(scope.restrictToTown(new Criteria(), townId));
        establishments.fields().include("townId").include("unitId");
        for (Document e : mongo.find(establishments, Document.class, Regions.ESTABLISHMENTS)) {
            String unitId = e.getString("unitId");
            if (unitId == null) {
                unassignedByTown.merge(e.getString("townId"), 1L, Long::sum);
            } else {
                establishmentsByUnit.merge(unitId, 1L, Long::sum);
            }
        }
        Map<String, Integer> inspectorsByUnit = new HashMap<>();
        Query inspectors = new Query(scope.restrictToTown(new Criteria(), townId));
        inspectors.fields().include("unitBindings");
        for (Document i : mongo.find(inspectors, Document.class, Regions.INSPECTORS)) {
            List<Document> bindings = i.getList("unitBindings", Document.class, List.of());
            bindings.stream().filter(b -> b.get("until") == null).map(b -> b.getString("unitId")).distinct()
                    .forEach(u -> inspectorsByUnit.merge(u, 1, Integer::sum));
        }

        Map<String, List<PatrolUnit>> unitsByGrid = new HashMap<>();
        patrolUnits.forEach(u -> unitsByGrid.computeIfAbsent(u.gridId(), g -> new ArrayList<>()).add(u));
        Map<String, List<RegionNode>> byParent = new HashMap<>();
        regions.stream().filter(n -> n.parentId() != null)
                .forEach(n -> byParent.computeIfAbsent(n.parentId(), p -> new ArrayList<>()).add(n));

        List<Node> towns = new ArrayList<>();
        regions.stream().filter(n -> RegionNode.TOWN.equals(n.level())).sorted(Comparator.comparing(RegionNode::id))
                .forEach(town -> {
                    List<Node> villages = new ArrayList<>();
                    for (RegionNode village : sorted(byParent.get(town.id()))) {
                        List<Node> grids = new ArrayList<>();
                        for (RegionNode grid : sorted(byParent.get(village.id()))) {
                            List<Node> unitNodes = unitsByGrid.getOrDefault(grid.id(), List.of()).stream()
                                    .sorted(Comparator.comparing(PatrolUnit::id))
                                    .map(u -> new Node(u.id(), "UNIT", u.name(), u.kind(), 0, 0, 0,
                                            establishmentsByUnit.getOrDefault(u.id(), 0L), null,
                                            inspectorsByUnit.getOrDefault(u.id(), 0), List.of()))
                                    .toList();
                            grids.add(sum(grid, null, unitNodes, null));
                        }
                        villages.add(sum(village, null, grids, null));
                    }
                    towns.add(sum(town, town.kind(), villages, unassignedByTown.getOrDefault(town.id(), 0L)));
                });
        long unassigned = unassignedByTown.values().stream().mapToLong(Long::longValue).sum();
        return total("city", "CITY", null, null, towns, unassigned, 0);
    }

    private static List<RegionNode> sorted(List<RegionNode> nodes) {
        return nodes == null ? List.of() : nodes.stream().sorted(Comparator.comparing(RegionNode::id)).toList();
    }

    private static Node sum(RegionNode node, String kind, List<Node> children, Long unassigned) {
        return total(node.id(), node.level(), node.name(), kind, children, unassigned,
                unassigned == null ? 0 : unassigned);
    }

    /** A node whose counts are those of its children (and the children themselves at the next level). */
    private static Node total(String id, String level, String name, String kind, List<Node> children,
                              Long unassigned, long own) {
        int villages = 0;
        int grids = 0;
        int unitCount = 0;
        long establishments = own;
        int inspectors = 0;
        for (Node child : children) {
            villages += child.villages() + ("VILLAGE".equals(child.level()) ? 1 : 0);
            grids += child.grids() + ("GRID".equals(child.level()) ? 1 : 0);
            unitCount += child.units() + ("UNIT".equals(child.level()) ? 1 : 0);
            establishments += child.establishments();
            inspectors += child.inspectors();
        }
        return new Node(id, level, name, kind, villages, grids, unitCount, establishments, unassigned, inspectors,
                children);
    }
}
