package org.liuhua.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.liuhua.kit.store.CollectionIndexes;

/**
 * Every query path of grid-service: the collection and the fields a query filters on (equality first) and sorts or
 * ranges on (last), with what asks it. A path is served by an index whose keys start with the path's fields, in order.
 * Reads by {@code _id} are left out (MongoDB always indexes {@code _id}); a list sorted by {@code id} is served by its
 * filter's index. When a query or a sort field is added, its path is added here, and the index test fails until an
 * index is declared beside the query ({@code *Storage}).
 */
public final class QueryPaths {

    public record QueryPath(String collection, List<String> fields, String askedBy) {

        @Override
        public String toString() {
            return collection + " " + fields + " (" + askedBy + ")";
        }
    }

    public static final List<QueryPath> ALL = List.of(
            path("regions", "towns (also staffing gaps), villages, grids by level", "level"),
            path("regions", "villages, grids of a town", "level", "townId"),
            path("regions", "grids of a village", "level", "parentId"),
            path("regions", "towns, villages, grids sorted by name", "level", "name"),
            path("patrol_units", "units of a town (list, staffing gaps)", "townId"),
            path("patrol_units", "units of a town of a kind", "townId", "kind"),
            path("patrol_units", "units of a grid", "gridId"),
            path("patrol_units", "units of a kind", "kind"),
            path("patrol_units", "units sorted by name", "name"),
            path("departments", "departments sorted by name", "name"),
            path("establishments", "registry by town; town officer's scope; coverage and staffing of a town",
                    "townId"),
            path("establishments", "registry by unit; inspector's scope; plans and coverage of units; unassigned",
                    "unitId"),
            path("establishments", "registry by kind", "kind"),
            path("establishments", "registry by industry", "industry"),
            path("establishments", "registry by risk level", "riskLevel"),
            path("establishments", "registry by flag", "flags"),
            path("establishments", "registry by department; department officer's scope", "departmentId"),
            path("establishments", "registry by cluster", "clusterId"),
            path("establishments", "tenants of a landlord (厂中厂)", "landlordId"),
            path("establishments", "registry by status (ACTIVE: status ≠ CLOSED)", "status"),
            path("establishments", "registry sorted by name", "name"),
            path("establishments", "registry sorted by change", "changedAt"),
            path("establishments", "safety officers: current bindings", "officers.until"),
            path("establishments", "safety officers: current bindings of a role", "officers.until", "officers.role"),
            path("establishments", "safety officers: bindings of a person", "officers.personId"),
            path("inspectors", "inspectors of a town (list, ranking, staffing gaps)", "townId"),
            path("inspectors", "inspectors of a town by employment", "townId", "employment"),
            path("inspectors", "inspectors by employment", "employment"),
            path("inspectors", "binding archive: inspectors ever bound to a unit", "unitBindings.unitId"),
            path("inspectors", "inspectors currently bound to a unit", "unitBindings.unitId", "unitBindings.until"),
            path("inspectors", "inspectors sorted by name", "name"),
                        path("patrols", "patrols of an inspector in a period, by start", "inspectorId", "startedAt"),
            path("patrols", "patrols of a unit in a period, by start", "unitId", "startedAt"),
            path("patrols", "patrols of a town in a period, by start", "townId", "startedAt"),
            path("patrols", "all patrols in a period, by start", "startedAt"),
            path("patrols", "plans and coverage: patrols with a check-in at an establishment",
                    "checkIns.establishmentId"),
            path("patrol_tracks", "the track batches of a patrol, in order", "patrolId", "receivedAt"),
            path("clusters", "clusters of a town (list, summary)", "townId"),
            path("clusters", "clusters of a town sorted by name", "townId", "name"),
            path("clusters", "clusters sorted by name", "name"),
            path("establishment_updates", "the town's review list: proposals of a town by status, oldest first",
                    "townId", "status", "proposedAt"),
            path("establishment_updates", "the city's proposals by status, oldest first", "status", "proposedAt"),
            path("establishment_updates", "an establishment's pending proposal; the enterprise's own list",
                    "establishmentId", "status"));

    /** The outbox collections the relay polls for pending events (liuhua.outbox.collections). */
    public static final List<String> OUTBOX_COLLECTIONS = List.of("regions", "patrol_units", "establishments",
            "establishment_updates", "inspectors", "patrols", "clusters", "staff_rosters");

    private QueryPaths() {
    }

    /**
     * Every query path including the relay's pending-outbox query of each collection it polls (grid's own and those
     * kit features contribute, such as the audit log).
     */
    public static List<QueryPath> withOutbox(List<String> relayedCollections) {
        List<QueryPath> all = new ArrayList<>(ALL);
        relayedCollections.forEach(c -> all.add(path(c, "outbox relay: documents with pending events",
                "outbox.eventId")));
        // the kit's version guard of every aggregate update (ADR 11)
        relayedCollections.forEach(c -> all.add(path(c, "aggregate update: the version guard", "versionKey")));
        return all;
    }

    /** The paths that no index of the collection serves. */
    public static List<QueryPath> unserved(List<QueryPath> paths, Map<String, List<List<String>>> indexKeys) {
        return paths.stream().filter(p -> indexKeys.getOrDefault(p.collection(), List.of()).stream()
                .noneMatch(keys -> startsWith(keys, p.fields()))).toList();
    }

    /** The indexes (as collection and keys) that serve no query path: declared for nothing, or a path is missing. */
    public static List<String> unused(List<QueryPath> paths, Map<String, List<List<String>>> indexKeys) {
        List<String> unused = new ArrayList<>();
        indexKeys.forEach((collection, indexes) -> indexes.forEach(keys -> {
            if (paths.stream().noneMatch(p -> p.collection().equals(collection) && startsWith(keys, p.fields()))) {
                unused.add(collection + " " + keys);
            }
        }));
        return unused;
    }

    /** The keys of declared indexes by collection. */
    public static Map<String, List<List<String>>> keysOf(List<CollectionIndexes> declared) {
        Map<String, List<List<String>>> keys = new TreeMap<>();
        declared.forEach(d -> keys.computeIfAbsent(d.collection(), c -> new ArrayList<>()).addAll(d.keys()));
        return keys;
    }

    private static boolean startsWith(List<String> keys, List<String> fields) {
        return keys.size() >= fields.size() && keys.subList(0, fields.size()).equals(fields);
    }

    private static QueryPath path(String collection, String askedBy, String... fields) {
        return new QueryPath(collection, List.of(fields), askedBy);
    }
}
