package org.liuhua.reporting.grid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bson.Document;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.reporting.names.RegionNames;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.TownMonths;
import org.liuhua.reporting.scope.ReportScope;
import org.liuhua.reporting.stats.Rate;
import org.liuhua.reporting.stats.Targets;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The grid figures, read by {@code _id} from the documents {@link GridProjector} pre-shapes: denominators, coverage
 * per town, the inspector ranking of a month, staffing gaps of key units and the clusters' 双七十.
 */
@Component
public class GridFigures {

    private final MongoTemplate mongo;
    private final CityCalendar calendar;
    private final RegionNames names;

    public GridFigures(MongoTemplate mongo, CityCalendar calendar, RegionNames names) {
        this.mongo = mongo;
        this.calendar = calendar;
        this.names = names;
    }

    /** A key patrol unit with no current full-time inspector (rugao 2026: 重点巡查单元原则上配备专职巡查员). */
    public record StaffingGap(String townId, String unitId, String unitName, String rule) {
    }

    public record Coverage(String townId, String townName, long establishments, long inspected, Rate coverage) {
    }

    public record InspectorRow(int rank, String inspectorId, String name, String townId, String townName,
                               int patrols, int visits, int findings, int establishmentsCovered) {
    }

    public record Clusters(long clusters, long standardised, Rate clustersStandardised, long enterprises,
                           long enterprisesStandardised, Rate enterprisesStandardisedRate) {
    }

    // ---------------------------------------------------------------- denominators

    /** A count document (empty when nothing was counted there). */
    public Document counts(ProjectionSpace space, String id) {
        Document d = mongo.findById(id, Document.class, space.collection(GridProjector.COUNTS));
        return d == null ? new Document("_id", id) : d;
    }

    public static long total(Document counts) {
        Object total = counts.get("total");
        return total == null ? 0 : ((Number) total).longValue();
    }

    /** A map field of a count document ({@code byKind}, …) without the zero entries an establishment left. */
    public static Map<String, Long> breakdown(Document counts, String field) {
        Map<String, Long> out = new TreeMap<>();
        Document map = counts.get(field, Document.class);
        if (map != null) {
            map.forEach((k, v) -> {
                long n = ((Number) v).longValue();
                if (n != 0) {
                    out.put(k, n);
                }
            });
        }
        return out;
    }

    // ---------------------------------------------------------------- coverage

    /** The towns of a scope: the region tree's towns and the towns establishments are counted in. */
    public List<String> towns(ProjectionSpace space, ReportScope scope) {
        if (scope.kind() == ReportScope.Kind.TOWN) {
            return List.of(scope.townId());
        }
        TreeSet<String> towns = new TreeSet<>();
        if (names != null) {
            names.towns().forEach(t -> towns.add(t.townId()));
        }
        towns.addAll(breakdown(counts(space, Denominators.CITY), "byTown").keySet());
        towns.remove(GridProjector.UNKNOWN);
        return List.copyOf(towns);
    }

    /** Per town: establishments, those inspected with proof in the month, and the coverage against its target. */
    public List<Coverage> coverage(ProjectionSpace space, ReportScope scope, String month) {
        List<String> towns = towns(space, scope);
        Map<String, Document> counts = byId(space.collection(GridProjector.COUNTS),
                towns.stream().map(Denominators::town).toList());
        Map<String, Document> months = byId(space.collection(TownMonths.COLLECTION),
                towns.stream().map(t -> TownMonths.id(t, month)).toList());
        List<Coverage> rows = new ArrayList<>();
        for (String town : towns) {
            Document c = counts.get(Denominators.town(town));
            long establishments = c == null ? 0 : total(c);
            long inspected = size(months.get(TownMonths.id(town, month)), TownMonths.INSPECTED_ESTABLISHMENTS);
            rows.add(new Coverage(town, name(town), establishments, inspected,
                    Rate.of(Math.min(inspected, establishments), establishments, Targets.PATROL_COVERAGE)));
        }
        return rows;
    }

    /** The whole scope's coverage in a month. */
    public Rate coverageRate(ProjectionSpace space, ReportScope scope, String month) {
        long establishments = 0;
        long inspected = 0;
        for (Coverage c : coverage(space, scope, month)) {
            establishments += c.establishments();
            inspected += Math.min(c.inspected(), c.establishments());
        }
        return Rate.of(inspected, establishments, Targets.PATROL_COVERAGE);
    }

    /** The size of a set or map field at a dotted path of a document (0 when absent). */
    public static long size(Document doc, String path) {
        Object value = at(doc, path);
        if (value instanceof Collection<?> c) {
            return c.size();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        return 0;
    }

    /** The value at a dotted path of a document. */
    public static Object at(Document doc, String path) {
        Object value = doc;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    // ---------------------------------------------------------------- inspector ranking

    private static int number(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.intValue() : 0;
    }

    /**
     * The inspectors of a month, ranked by establishments covered with proof, then proven visits, then findings
     * (the grid's own assessment ranks by completion of due establishments; reporting ranks the work done).
     */
    public List<InspectorRow> inspectors(ProjectionSpace space, ReportScope scope, String month) {
        Document doc = mongo.findById(month, Document.class, space.collection(GridProjector.INSPECTOR_MONTHS));
        if (doc == null || doc.get("inspectors", Document.class) == null) {
            return List.of();
        }
        List<Document> entries = new ArrayList<>();
        doc.get("inspectors", Document.class).values().forEach(v -> {
            Document entry = (Document) v;
            if (scope.allowsTown(entry.getString("townId"))) {
                entries.add(entry);
            }
        });
        Map<String, Document> people = byId(space.collection(GridProjector.INSPECTORS),
                entries.stream().map(e -> e.getString("inspectorId")).toList());
        record Row(Document entry, int patrols, int visits, int findings, int covered) {
        }
        List<Row> rows = new ArrayList<>();
        for (Document e : entries) {
            // counted since patrols are counted (GridProjector), plus those kept per patrol in months stored before
            int count = number(e, GridProjector.PATROL_COUNT);
            int visits = number(e, GridProjector.VISIT_COUNT);
            int findings = number(e, GridProjector.FINDING_COUNT);
            Document patrols = e.get("patrols", Document.class);
            if (patrols != null) {
                count += patrols.size();
                for (Object p : patrols.values()) {
                    visits += ((Number) ((Document) p).getOrDefault("proven", 0)).intValue();
                    findings += ((Number) ((Document) p).getOrDefault("findings", 0)).intValue();
                }
            }
            List<?> covered = e.getList("establishments", Object.class);
            rows.add(new Row(e, count, visits, findings, covered == null ? 0 : covered.size()));
        }
        rows.sort(Comparator.comparingInt(Row::covered).reversed().thenComparing(Comparator.comparingInt(Row::visits)
                .reversed()).thenComparing(Comparator.comparingInt(Row::findings).reversed())
                .thenComparing(r -> r.entry().getString("inspectorId")));
        List<InspectorRow> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String id = r.entry().getString("inspectorId");
            Document person = people.get(id);
            String town = r.entry().getString("townId");
            ranked.add(new InspectorRow(i + 1, id, person == null ? id : person.getString("name"), town, name(town),
                    r.patrols(), r.visits(), r.findings(), r.covered()));
        }
        return ranked;
    }

    // ---------------------------------------------------------------- staffing gaps, clusters

    public List<StaffingGap> staffingGaps(ProjectionSpace space, String townId) {
        return gaps(townId, mongo.findById(Denominators.town(townId), Document.class,
                space.collection(GridProjector.STAFFING)));
    }

    /** The staffing gaps of several towns, in their order (their documents read at once by {@code _id}). */
    public List<StaffingGap> staffingGaps(ProjectionSpace space, List<String> towns) {
        Map<String, Document> docs = byId(space.collection(GridProjector.STAFFING),
                towns.stream().map(Denominators::town).toList());
        List<StaffingGap> gaps = new ArrayList<>();
        towns.forEach(t -> gaps.addAll(gaps(t, docs.get(Denominators.town(t)))));
        return gaps;
    }

    private static List<StaffingGap> gaps(String townId, Document doc) {
        if (doc == null || doc.get("units", Document.class) == null) {
            return List.of();
        }
        Document bindings = doc.get("bindings", Document.class);
        List<StaffingGap> gaps = new ArrayList<>();
        for (Object value : doc.get("units", Document.class).values()) {
            Document unit = (Document) value;
            if (!"KEY".equals(unit.getString("kind"))) {
                continue;
            }
            Document ofUnit = bindings == null ? null : bindings.get(GridProjector.key(unit.getString("unitId")),
                    Document.class);
            boolean staffed = ofUnit != null && ofUnit.values().stream().map(Document.class::cast)
                    .anyMatch(b -> "FULL_TIME".equals(b.getString("employment")) && current(b));
            if (!staffed) {
                gaps.add(new StaffingGap(townId, unit.getString("unitId"), unit.getString("name"),
                        "KEY_UNIT_FULL_TIME_INSPECTOR"));
            }
        }
        gaps.sort(Comparator.comparing(StaffingGap::unitId));
        return gaps;
    }

    private static boolean current(Document binding) {
        Date bound = binding.getDate("boundAt");
        Date unbound = binding.getDate("unboundAt");
        return bound != null && (unbound == null || bound.after(unbound));
    }

    /** 双七十 of the towns of a scope: clusters standardised (≥ 70 %) and their enterprises standardised (≥ 70 %). */
    public Clusters clusters(ProjectionSpace space, List<String> towns) {
        Map<String, Document> docs = byId(space.collection(GridProjector.CLUSTERS),
                towns.stream().map(Denominators::town).toList());
        long clusters = 0;
        long standardised = 0;
        long members = 0;
        long passing = 0;
        for (Document town : docs.values()) {
            Document of = town.get("clusters", Document.class);
            if (of == null) {
                continue;
            }
            for (Object value : of.values()) {
                Document c = (Document) value;
                clusters++;
                standardised += Boolean.TRUE.equals(c.getBoolean("standardised")) ? 1 : 0;
                members += ((Number) c.getOrDefault("members", 0)).longValue();
                passing += ((Number) c.getOrDefault("passingMembers", 0)).longValue();
            }
        }
        return new Clusters(clusters, standardised, Rate.of(standardised, clusters, Targets.CLUSTER_STANDARDISED),
                members, passing, Rate.of(passing, members, Targets.CLUSTER_STANDARDISED));
    }

    // ---------------------------------------------------------------- helpers

    public String currentMonth() {
        return calendar.monthKey(calendar.now());
    }

    private String name(String townId) {
        return names == null ? townId : names.town(townId);
    }

    /** Documents read by {@code _id}. */
    public Map<String, Document> byId(String collection, List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Document> out = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, collection)
                .forEach(d -> out.put(d.getString("_id"), d));
        return new LinkedHashMap<>(out);
    }
}
