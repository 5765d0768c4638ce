package org.liuhua.reporting.hazards;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.reporting.hazards.HazardResults.AttentionHazard;
import org.liuhua.reporting.hazards.HazardResults.DepartmentRow;
import org.liuhua.reporting.hazards.HazardResults.HazardFigures;
import org.liuhua.reporting.hazards.HazardResults.IndustryRow;
import org.liuhua.reporting.hazards.HazardResults.MonthRow;
import org.liuhua.reporting.hazards.HazardResults.OpenAt;
import org.liuhua.reporting.hazards.HazardResults.OpenAtTown;
import org.liuhua.reporting.hazards.HazardResults.Overview;
import org.liuhua.reporting.hazards.HazardResults.ScopeView;
import org.liuhua.reporting.hazards.HazardResults.TownRow;
import org.liuhua.reporting.hazards.domain.AttentionList;
import org.liuhua.reporting.hazards.domain.Contributions;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.Projections;
import org.liuhua.reporting.scope.ReportScope;
import org.liuhua.reporting.stats.Names;
import org.liuhua.reporting.stats.OverviewSection;
import org.liuhua.reporting.stats.Rate;
import org.liuhua.reporting.stats.Targets;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import static org.liuhua.reporting.hazards.HazardDocuments.counts;
import static org.liuhua.reporting.hazards.HazardDocuments.number;

/**
 * The hazard statistics, answered from the pre-shaped documents of the active generation by {@code _id} only:
 * a scope document ({@code city}, {@code town:<t>}, {@code department:<d>}) names the rows there are, the rows are
 * read by {@code _id $in}. Nothing here reads the facts. Every answer is cut to the caller's {@link ReportScope}: a
 * town officer's figures are their town's document, a department officer's are its department's (and the
 * town-department crossings).
 */
@Component
public class HazardStatistics {

    /** Ranking: closure rate, then fewer overdue, then id. */
    static final Comparator<TownRow> RANKING = Comparator
            .comparing((TownRow r) -> r.closureRate().value() == null ? -1.0 : r.closureRate().value()).reversed()
            .thenComparingLong(TownRow::overdue).thenComparing(TownRow::townId);

    private final MongoTemplate mongo;
    private final Projections projections;
    private final Names names;
    private final CityCalendar calendar;
    private final List<OverviewSection> sections;

    HazardStatistics(MongoTemplate mongo, Projections projections, Names names, CityCalendar calendar,
                     List<OverviewSection> sections) {
        this.mongo = mongo;
        this.projections = projections;
        this.names = names;
        this.calendar = calendar;
        this.sections = sections;
    }

    public Overview overview(ReportScope scope) {
        ProjectionSpace space = projections.active();
        Document doc = figure(space, scopeId(scope));
        Map<String, Object> parts = new LinkedHashMap<>();
        for (OverviewSection section : sections) {
            parts.put(section.key(), section.figures(scope, space));
        }
        return new Overview(view(scope), calendar.now(), figures(doc), parts);
    }

    public ScopeView view(ReportScope scope) {
        return new ScopeView(scope.kind().name(), scope.townId(),
                scope.townId() == null ? null : names.town(scope.townId()), scope.departmentId(),
                scope.departmentId() == null ? null : names.department(scope.departmentId()));
    }

    /** Every town in the scope, ranked; a town officer gets only their row (ranked among all towns). */
    public List<TownRow> towns(ReportScope scope) {
        ProjectionSpace space = projections.active();
        boolean department = scope.kind() == ReportScope.Kind.DEPARTMENT;
        String dimsOf = department ? Contributions.department(scope.departmentId()) : Contributions.CITY;
        List<String> towns = dimension(figure(space, dimsOf), "town");
        Map<String, String> ids = new LinkedHashMap<>();
        for (String town : towns) {
            ids.put(town, department ? Contributions.cross(Contributions.town(town),
                    Contributions.department(scope.departmentId())) : Contributions.town(town));
        }
        Map<String, Document> docs = figures(space, ids.values());
        List<TownRow> rows = new ArrayList<>();
        ids.forEach((town, id) -> {
            HazardFigures f = figures(docs.get(id));
            rows.add(new TownRow(town, names.town(town), f.total(), f.open(), f.closed(), f.closureRate(),
                    f.overdue(), f.openMajor(), f.escalated(), 0));
        });
        rows.sort(RANKING);
        List<TownRow> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            TownRow r = rows.get(i);
            if (scope.allowsTown(r.townId())) {
                ranked.add(new TownRow(r.townId(), r.townName(), r.total(), r.open(), r.closed(), r.closureRate(),
                        r.overdue(), r.openMajor(), r.escalated(), i + 1));
            }
        }
        return ranked;
    }

    public List<IndustryRow> industries(ReportScope scope) {
        ProjectionSpace space = projections.active();
        String scopeId = scopeId(scope);
        Map<String, String> ids = new LinkedHashMap<>();
        for (String industry : dimension(figure(space, scopeId), "industry")) {
            ids.put(industry, scope.isCity() ? Contributions.industry(industry)
                    : Contributions.cross(scopeId, Contributions.industry(industry)));
        }
        Map<String, Document> docs = figures(space, ids.values());
        List<IndustryRow> rows = new ArrayList<>();
        ids.forEach((industry, id) -> {
            HazardFigures f = figures(docs.get(id));
            rows.add(new IndustryRow(industry, f.total(), f.open(), f.closed(), f.closureRate(), f.overdue(),
                    f.openMajor(), f.escalated()));
        });
        rows.sort(Comparator.comparingLong(IndustryRow::total).reversed().thenComparing(IndustryRow::industry));
        return rows;
    }

    public List<DepartmentRow> departments(ReportScope scope) {
        ProjectionSpace space = projections.active();
        Map<String, String> ids = new LinkedHashMap<>();
        switch (scope.kind()) {
            case CITY -> dimension(figure(space, Contributions.CITY), "department")
                    .forEach(d -> ids.put(d, Contributions.department(d)));
            case TOWN -> dimension(figure(space, scopeId(scope)), "department")
                    .forEach(d -> ids.put(d, Contributions.cross(scopeId(scope), Contributions.department(d))));
            case DEPARTMENT -> ids.put(scope.departmentId(), scopeId(scope));
        }
        Map<String, Document> docs = figures(space, ids.values());
        List<DepartmentRow> rows = new ArrayList<>();
        ids.forEach((department, id) -> {
            HazardFigures f = figures(docs.get(id));
            rows.add(new DepartmentRow(department, names.department(department), f.total(), f.open(), f.closed(),
                    f.closureRate(), f.overdue(), f.openMajor(), f.escalated()));
        });
        rows.sort(Comparator.comparingLong(DepartmentRow::total).reversed()
                .thenComparing(DepartmentRow::departmentId));
        return rows;
    }

    /** The months {@code from} … {@code to} (both included), oldest first. */
    public List<MonthRow> months(ReportScope scope, YearMonth from, YearMonth to) {
        ProjectionSpace space = projections.active();
        String scopeId = scopeId(scope);
        YearMonth first = firstMonth(figure(space, scopeId));
        YearMonth start = first == null || first.isAfter(from) ? from : first;
        List<String> ids = new ArrayList<>();
        for (YearMonth m = start; !m.isAfter(to); m = m.plusMonths(1)) {
            ids.add(Contributions.at(scopeId, m.toString()));
        }
        Map<String, Document> docs = byIds(space.collection(HazardProjector.MONTHS), ids);
        List<MonthRow> rows = new ArrayList<>();
        long open = 0;
        long overdue = 0;
        long overdueMajor = 0;
        for (YearMonth m = start; !m.isAfter(to); m = m.plusMonths(1)) {
            Document d = docs.get(Contributions.at(scopeId, m.toString()));
            long reported = number(d, Contributions.REPORTED);
            long closed = number(d, Contributions.CLOSED);
            open += reported - closed;
            overdue += number(d, Contributions.OVERDUE_STARTED) - number(d, Contributions.OVERDUE_ENDED);
            overdueMajor += number(d, Contributions.OVERDUE_MAJOR_STARTED) - number(d, Contributions.OVERDUE_MAJOR_ENDED);
            if (!m.isBefore(from)) {
                rows.add(new MonthRow(m.toString(), reported, closed, open, overdue, overdueMajor,
                        number(d, Contributions.SELF_CHECK_REPORTED), number(d, Contributions.SUPERVISION_FOUND),
                        number(d, Contributions.CASES_FILED), number(d, Contributions.PENALTY_FEN) / 100.0));
            }
        }
        return rows;
    }

    /** Per town in the scope: hazards open at the end of {@code date} (reported by then and not closed by then). */
    public OpenAt openAt(ReportScope scope, LocalDate date) {
        ProjectionSpace space = projections.active();
        List<String> towns = switch (scope.kind()) {
            case CITY -> dimension(figure(space, Contributions.CITY), "town");
            case TOWN -> List.of(Contributions.key(scope.townId()));
            case DEPARTMENT -> dimension(figure(space, scopeId(scope)), "town");
        };
        Map<String, String> scopes = new LinkedHashMap<>();
        for (String town : towns) {
            scopes.put(town, scope.kind() == ReportScope.Kind.DEPARTMENT ? Contributions.cross(
                    Contributions.town(town), Contributions.department(scope.departmentId()))
                    : Contributions.town(town));
        }
        Map<String, Document> scopeDocs = figures(space, scopes.values());
        YearMonth month = YearMonth.from(date);
        List<String> monthIds = new ArrayList<>();
        List<String> dayIds = new ArrayList<>();
        scopes.forEach((town, id) -> {
            YearMonth first = firstMonth(scopeDocs.get(id));
            if (first != null) {
                for (YearMonth m = first; m.isBefore(month); m = m.plusMonths(1)) {
                    monthIds.add(Contributions.at(id, m.toString()));
                }
            }
            for (LocalDate day = month.atDay(1); !day.isAfter(date); day = day.plusDays(1)) {
                dayIds.add(Contributions.at(id, day.toString()));
            }
        });
        Map<String, Document> monthDocs = byIds(space.collection(HazardProjector.MONTHS), monthIds);
        Map<String, Document> dayDocs = byIds(space.collection(HazardProjector.DAYS), dayIds);
        Map<String, Long> openByScope = new HashMap<>();
        for (Map<String, Document> docs : List.of(monthDocs, dayDocs)) {
            docs.forEach((id, d) -> openByScope.merge(id.substring(0, id.lastIndexOf('@')),
                    number(d, Contributions.REPORTED) - number(d, Contributions.CLOSED), Long::sum));
        }
        List<OpenAtTown> rows = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, String> town : scopes.entrySet()) {
            long open = openByScope.getOrDefault(town.getValue(), 0L);
            rows.add(new OpenAtTown(town.getKey(), names.town(town.getKey()), open));
            total += open;
        }
        rows.sort(Comparator.comparing(OpenAtTown::townId));
        return new OpenAt(date, total, rows);
    }

    /** A page of an attention list: its rows and how many the whole list has. */
    public record AttentionPage(List<AttentionHazard> rows, long total) {
    }

    /** Newest first: report time descending (unknown last), then hazard id. */
    private static final Comparator<Document> NEWEST_FIRST = Comparator
            .comparing((Document d) -> d.getDate("reportedAt"), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(d -> d.getString("hazardId"));

    /**
     * One page of an attention list in the scope, newest first ({@code ascending}: the whole order reversed). The
     * scope's figures document counts the list per month of report; the page reads only the months it spans, each
     * one document by {@code _id} ({@link AttentionList}), so its cost does not grow with the hazards.
     */
    public AttentionPage attention(ReportScope scope, AttentionList list, boolean ascending, long offset, int size) {
        ProjectionSpace space = projections.active();
        String scopeId = scopeId(scope);
        Document scopeDoc = figure(space, scopeId);
        Object lists = scopeDoc == null ? null : scopeDoc.get(Contributions.ATTENTION);
        @SuppressWarnings("unchecked")
        Map<String, Long> perMonth = counts(lists instanceof Map<?, ?> m ? (Map<String, Object>) m : null, list.key);
        List<String> months = new ArrayList<>(perMonth.keySet());
        // newest month first, the hazards without a report time last
        months.sort(Comparator.comparing((String m) -> AttentionList.NO_MONTH.equals(m))
                .thenComparing(Comparator.<String>reverseOrder()));
        if (ascending) {
            java.util.Collections.reverse(months);
        }
        long total = perMonth.values().stream().mapToLong(Long::longValue).sum();
        List<String> spanned = new ArrayList<>();
        long before = 0;
        long seen = 0;
        for (String month : months) {
            long n = perMonth.get(month);
            if (seen + n > offset && seen < offset + size) {
                if (spanned.isEmpty()) {
                    before = seen;
                }
                spanned.add(month);
            }
            seen += n;
        }
        Map<String, Document> docs = byIds(space.collection(HazardProjector.ATTENTION),
                spanned.stream().map(m -> list.documentId(scopeId, m)).toList());
        List<Document> rows = new ArrayList<>();
        for (String month : spanned) {
            Document doc = docs.get(list.documentId(scopeId, month));
            Object of = doc == null ? null : doc.get(AttentionRows.ROWS);
            if (of instanceof Map<?, ?> byHazard) {
                List<Document> ofMonth = new ArrayList<>();
                byHazard.values().forEach(r -> ofMonth.add((Document) r));
                ofMonth.sort(ascending ? NEWEST_FIRST.reversed() : NEWEST_FIRST);
                rows.addAll(ofMonth);
            }
        }
        int from = (int) Math.min(Math.max(0, offset - before), rows.size());
        int to = Math.min(from + size, rows.size());
        return new AttentionPage(rows.subList(from, to).stream().map(r -> AttentionRows.read(r, names)).toList(),
                total);
    }

    static String scopeId(ReportScope scope) {
        return switch (scope.kind()) {
            case CITY -> Contributions.CITY;
            case TOWN -> Contributions.town(scope.townId());
            case DEPARTMENT -> Contributions.department(scope.departmentId());
        };
    }

    static HazardFigures figures(Document d) {
        long total = number(d, Contributions.TOTAL);
        long closed = number(d, Contributions.CLOSED);
        return new HazardFigures(total, total - closed, closed, Rate.of(closed, total, Targets.CLOSURE),
                number(d, Contributions.OVERDUE), number(d, Contributions.OPEN_MAJOR),
                number(d, Contributions.ESCALATED), counts(d, "byState"), counts(d, "bySource"),
                counts(d, "bySeverity"));
    }

    /** The keys of a dimension ({@code town}, {@code department}, {@code industry}) a scope document counts. */
    @SuppressWarnings("unchecked")
    private static List<String> dimension(Document scopeDoc, String dimension) {
        Object dims = scopeDoc == null ? null : scopeDoc.get("dims");
        return new ArrayList<>(counts(dims instanceof Map<?, ?> m ? (Map<String, Object>) m : null, dimension)
                .keySet());
    }

    private static YearMonth firstMonth(Document scopeDoc) {
        return counts(scopeDoc, "months").keySet().stream().map(YearMonth::parse).min(Comparator.naturalOrder())
                .orElse(null);
    }

    private Document figure(ProjectionSpace space, String id) {
        return mongo.getCollection(space.collection(HazardProjector.FIGURES)).find(Filters.eq("_id", id)).first();
    }

    private Map<String, Document> figures(ProjectionSpace space, Collection<String> ids) {
        return byIds(space.collection(HazardProjector.FIGURES), ids);
    }

    private Map<String, Document> byIds(String collection, Collection<String> ids) {
        Map<String, Document> docs = new HashMap<>();
        if (!ids.isEmpty()) {
            mongo.getCollection(collection).find(Filters.in("_id", ids)).forEach(d -> docs.put(d.getString("_id"), d));
        }
        return docs;
    }
}
