package org.liuhua.reporting.establishments;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.reporting.grid.GridFigures;
import org.liuhua.reporting.grid.GridProjector;
import org.liuhua.reporting.handbooks.HandbooksProjector;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.scope.ReportScope;
import org.liuhua.reporting.stats.Names;
import org.liuhua.reporting.training.TrainingProjector;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The one-page view of an establishment: registry facts, hazards by source and state, patrols, training,
 * handbook and checklist runs of the last twelve months, warning interviews. Every part is read by {@code _id}
 * (the register, the per-establishment-month documents of the months shown, the hazards projector's
 * {@code hazard_figures} document {@code establishment:<id>}). Outside the caller's scope an establishment is not
 * found.
 */
@Component
public class EstablishmentPages {

    static final int MONTHS = 12;
    /** Written by the hazards projector: one document per establishment with its hazard figures. */
    static final String HAZARD_FIGURES = "hazard_figures";

    public record Facts(String id, String name, String kind, String industry, String riskLevel, List<String> flags,
                        Integer employeeCount, String address, String townId, String townName, String villageId,
                        String unitId, String departmentId, String departmentName, String clusterId,
                        String landlordId, Long revision) {
    }

    public record Month(String month, int count, int proven, int attendees, int drills, int failed, int majorFailed) {
    }

    public record Page(Facts establishment, Map<String, Object> hazards, Patrols patrols, Training training,
                       Map<String, Object> handbook, Checklists checklistRuns, List<Map<String, Object>> interviews) {
    }

    public record Patrols(int total, int proven, List<Map<String, Object>> recent, List<Month> months) {
    }

    public record Training(int sessions, int attendees, int drills, List<Map<String, Object>> recent,
                           List<Month> months) {
    }

    public record Checklists(int runs, int selfChecks, int failed, int majorFailed, List<Map<String, Object>> recent,
                             List<Month> months) {
    }

    private final MongoTemplate mongo;
    private final GridFigures grid;
    private final Names names;

    EstablishmentPages(MongoTemplate mongo, GridFigures grid, Names names) {
        this.mongo = mongo;
        this.grid = grid;
        this.names = names;
    }

    public Page page(String id, ReportScope scope, ProjectionSpace space) {
        Document e = mongo.findById(id, Document.class, space.collection(GridProjector.ESTABLISHMENTS));
        if (e == null || !inScope(e, scope)) {
            throw new NotFoundException("establishment", id);
        }
        List<String> months = lastMonths(grid.currentMonth());
        List<String> monthIds = months.stream().map(m -> id + ":" + m).toList();
        Facts facts = new Facts(id, e.getString("name"), e.getString("kind"), e.getString("industry"),
                e.getString("riskLevel"), e.getList("flags", String.class), e.getInteger("employeeCount"),
                e.getString("address"), e.getString("townId"), names.town(e.getString("townId")),
                e.getString("villageId"), e.getString("unitId"), e.getString("departmentId"),
                names.department(e.getString("departmentId")), e.getString("clusterId"), e.getString("landlordId"),
                e.get("revision") == null ? null : ((Number) e.get("revision")).longValue());
        return new Page(facts, hazards(id, space), patrols(space, monthIds, months), training(space, monthIds, months),
                handbook(id, space), checklists(space, monthIds, months), interviews(id, space));
    }

    static boolean inScope(Document establishment, ReportScope scope) {
        return switch (scope.kind()) {
            case CITY -> true;
            case TOWN -> scope.townId().equals(establishment.getString("townId"));
            case DEPARTMENT -> scope.departmentId().equals(establishment.getString("departmentId"));
        };
    }

    static List<String> lastMonths(String current) {
        YearMonth month = YearMonth.parse(current);
        List<String> months = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            months.add(month.minusMonths(i).toString());
        }
        return months;
    }

    /** The hazards projector's figures of the establishment as it shapes them; empty until it has any. */
    private Map<String, Object> hazards(String id, ProjectionSpace space) {
        Document d = mongo.findById("establishment:" + id, Document.class, space.collection(HAZARD_FIGURES));
        Map<String, Object> out = new LinkedHashMap<>();
        if (d != null) {
            d.forEach((k, v) -> {
                if (!"_id".equals(k)) {
                    out.put(k, v);
                }
            });
        }
        return out;
    }

    private Patrols patrols(ProjectionSpace space, List<String> ids, List<String> months) {
        Map<String, Document> docs = grid.byId(space.collection(GridProjector.ESTABLISHMENT_PATROLS), ids);
        List<Month> perMonth = new ArrayList<>();
        List<Map<String, Object>> all = new ArrayList<>();
        int total = 0;
        int proven = 0;
        for (int i = 0; i < months.size(); i++) {
            Document d = docs.get(ids.get(i));
            Document patrols = d == null ? null : d.get("patrols", Document.class);
            int count = 0;
            int ok = 0;
            if (patrols != null) {
                for (Object p : patrols.values()) {
                    Document patrol = (Document) p;
                    count++;
                    ok += Boolean.TRUE.equals(patrol.getBoolean("proven")) ? 1 : 0;
                    all.add(new LinkedHashMap<>(patrol));
                }
            }
            total += count;
            proven += ok;
            perMonth.add(new Month(months.get(i), count, ok, 0, 0, 0, 0));
        }
        all.sort(Comparator.comparing((Map<String, Object> p) -> String.valueOf(p.get("completedAt"))).reversed());
        return new Patrols(total, proven, all.subList(0, Math.min(10, all.size())), perMonth);
    }

    private Training training(ProjectionSpace space, List<String> ids, List<String> months) {
        Map<String, Document> docs = grid.byId(space.collection(TrainingProjector.ESTABLISHMENT_TRAINING), ids);
        List<Month> perMonth = new ArrayList<>();
        List<Map<String, Object>> recent = new ArrayList<>();
        int sessions = 0;
        int attendees = 0;
        int drills = 0;
        for (int i = 0; i < months.size(); i++) {
            Document d = docs.get(ids.get(i));
            Document s = d == null ? null : d.get("sessions", Document.class);
            Document dr = d == null ? null : d.get("drills", Document.class);
            int count = s == null ? 0 : s.size();
            int people = 0;
            if (s != null) {
                for (Map.Entry<String, Object> entry : s.entrySet()) {
                    Document session = (Document) entry.getValue();
                    people += ((Number) session.getOrDefault("attendees", 0)).intValue();
                    Map<String, Object> row = new LinkedHashMap<>(session);
                    row.put("sessionId", entry.getKey());
                    recent.add(row);
                }
            }
            int drillCount = dr == null ? 0 : dr.size();
            if (dr != null) {
                for (Map.Entry<String, Object> entry : dr.entrySet()) {
                    Map<String, Object> row = new LinkedHashMap<>((Document) entry.getValue());
                    row.put("drillId", entry.getKey());
                    recent.add(row);
                }
            }
            sessions += count;
            attendees += people;
            drills += drillCount;
            perMonth.add(new Month(months.get(i), count, 0, people, drillCount, 0, 0));
        }
        recent.sort(Comparator.comparing((Map<String, Object> r) -> String.valueOf(r.get("heldOn"))).reversed());
        return new Training(sessions, attendees, drills, recent.subList(0, Math.min(10, recent.size())), perMonth);
    }

    private Map<String, Object> handbook(String id, ProjectionSpace space) {
        Document d = mongo.findById(id, Document.class, space.collection(HandbooksProjector.ESTABLISHMENT_HANDBOOKS));
        Map<String, Object> out = new LinkedHashMap<>();
        if (d == null) {
            out.put("adopted", false);
            return out;
        }
        out.put("adopted", HandbooksProjector.isAdopted(d));
        out.put("complete", Boolean.TRUE.equals(d.getBoolean("complete")));
        for (String field : List.of("posts", "postsWithCard", "missingPosts", "adoptedTemplates", "outdatedAdoptions",
                "reviewDueOn", "reviewOverdue", "reviewedAt")) {
            if (d.get(field) != null) {
                out.put(field, d.get(field));
            }
        }
        out.put("reviewDue", HandbooksProjector.isReviewDue(d));
        Document templates = d.get("templates", Document.class);
        out.put("templates", templates == null ? List.of() : templates.values());
        return out;
    }

    private Checklists checklists(ProjectionSpace space, List<String> ids, List<String> months) {
        Map<String, Document> docs = grid.byId(space.collection(HandbooksProjector.ESTABLISHMENT_CHECKLISTS), ids);
        List<Month> perMonth = new ArrayList<>();
        List<Map<String, Object>> recent = new ArrayList<>();
        int runs = 0;
        int selfChecks = 0;
        int failed = 0;
        int major = 0;
        for (int i = 0; i < months.size(); i++) {
            Document d = docs.get(ids.get(i));
            Document r = d == null ? null : d.get("runs", Document.class);
            int count = 0;
            int self = 0;
            int f = 0;
            int m = 0;
            if (r != null) {
                for (Map.Entry<String, Object> entry : r.entrySet()) {
                    Document run = (Document) entry.getValue();
                    count++;
                    self += HandbooksProjector.SELF_CHECK.equals(run.getString("source")) ? 1 : 0;
                    f += ((Number) run.getOrDefault("failed", 0)).intValue();
                    m += ((Number) run.getOrDefault("majorFailed", 0)).intValue();
                    Map<String, Object> row = new LinkedHashMap<>(run);
                    row.put("runId", entry.getKey());
                    recent.add(row);
                }
            }
            runs += count;
            selfChecks += self;
            failed += f;
            major += m;
            perMonth.add(new Month(months.get(i), count, self, 0, 0, f, m));
        }
        recent.sort(Comparator.comparing((Map<String, Object> r) -> String.valueOf(r.get("completedAt"))).reversed());
        return new Checklists(runs, selfChecks, failed, major, recent.subList(0, Math.min(10, recent.size())),
                perMonth);
    }

    private List<Map<String, Object>> interviews(String id, ProjectionSpace space) {
        Document d = mongo.findById(id, Document.class, space.collection(InterviewsProjector.ESTABLISHMENT_INTERVIEWS));
        if (d == null || d.get("interviews", Document.class) == null) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object v : d.get("interviews", Document.class).values()) {
            Map<String, Object> row = new LinkedHashMap<>((Document) v);
            row.put("departmentName", names.department((String) row.get("departmentId")));
            out.add(row);
        }
        out.sort(Comparator.comparing((Map<String, Object> r) -> String.valueOf(r.get("heldOn"))).reversed());
        return out;
    }
}
