package org.liuhua.hazard.loop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.bson.Document;
import org.liuhua.hazard.loop.domain.Hazard;
import org.liuhua.hazard.loop.domain.HazardState;
import org.liuhua.hazard.loop.domain.Severity;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.PageQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The reads of the ledger, all within the caller's data scope ({@link HazardScope}): one hazard with everything, or
 * pages of {@link HazardSummary summaries} (projected: a list never loads histories), the ledger of one establishment
 * and the register of open major hazards with their counts. Lists and the ledger are answered from the pre-shaped
 * documents of {@link HazardLists} where those answer them (read by {@code _id}; ADR 13), else from {@code hazards}.
 */
@Service
public class HazardQueries {

    private final MongoTemplate mongo;
    private final HazardStore store;
    private final HazardScope scope;
    private final HazardLists lists;

    HazardQueries(MongoTemplate mongo, HazardStore store, HazardScope scope, HazardLists lists) {
        this.mongo = mongo;
        this.store = store;
        this.scope = scope;
        this.lists = lists;
    }

    /** The hazard with its history if it is within the caller's scope, else 404 (existence is not revealed). */
    public Hazard get(String id, Caller caller) {
        return store.findOne(new Query(scoped(caller, Criteria.where("_id").is(id))))
                .orElseThrow(() -> new NotFoundException(HazardStore.WHAT, id));
    }

    /** 404 unless the hazard is within the caller's scope; reads nothing but the id. */
    public void requireVisible(String id, Caller caller) {
        if (!store.exists(new Query(scoped(caller, Criteria.where("_id").is(id))))) {
            throw new NotFoundException(HazardStore.WHAT, id);
        }
    }

    public Page<HazardSummary> list(HazardFilter f, PageQuery page, Caller caller) {
        HazardScope.Reach reach = scope.reach(caller);
        if (lists.ready()) {
            Page<HazardSummary> shaped = shaped(f, page, reach);
            if (shaped != null) {
                return shaped;
            }
        }
        List<Criteria> all = new ArrayList<>();
        if (f.establishmentId() != null) all.add(Criteria.where("establishmentId").is(f.establishmentId()));
        if (f.townId() != null) all.add(Criteria.where("townId").is(f.townId()));
        if (f.departmentId() != null) all.add(Criteria.where("departmentId").is(f.departmentId()));
        if (f.category() != null) all.add(Criteria.where("category").is(f.category()));
        if (f.state() != null) all.add(Criteria.where("state").is(f.state()));
        if (f.source() != null) all.add(Criteria.where("source").is(f.source()));
        if (f.severity() != null) all.add(Criteria.where("severity").is(f.severity()));
        if (f.overdue() != null) all.add(Criteria.where("overdue").is(f.overdue()));
        if (f.from() != null) all.add(Criteria.where("reportedAt").gte(f.from()));
        if (f.to() != null) all.add(Criteria.where("reportedAt").lt(f.to()));
        return summaries(scoped(reach, all.toArray(Criteria[]::new)), page);
    }

    /**
     * The list from the pre-shaped documents ({@link HazardLists}), or null where they do not answer it and the
     * hazards are read: one establishment's (a filter, or an enterprise officer's whole reach) in any sort; newest
     * first (the default sort) city-wide, of one town or of one department when the caller reaches all of it, by
     * state, source, severity, overdue and from/to. Other sorts, {@code category}, a town and a department at once,
     * and the reaches of inspectors, firms and several roles read the hazards.
     */
    private Page<HazardSummary> shaped(HazardFilter f, PageQuery page, HazardScope.Reach reach) {
        Predicate<Document> matches = d -> reach.test(d) && matches(f, d);
        String establishment = f.establishmentId() != null ? f.establishmentId() : reach.only("establishmentId");
        if (establishment != null) {
            return page(rows(establishment, matches), page);
        }
        Sort newestFirst = Sort.by(Sort.Direction.DESC, "reportedAt");
        if (!newestFirst.equals(page.sort()) || f.category() != null) {
            return null;
        }
        String ownTown = reach.only("townId");
        String ownDepartment = reach.onlyDepartment();
        String bucket;
        boolean owned = false;
        if (f.townId() != null && f.departmentId() != null) {
            return null;
        } else if (f.townId() != null) {
            if (!reach.all() && !f.townId().equals(ownTown)) {
                // a town officer asking for another town reaches none of it
                return ownTown == null ? null : new PageImpl<>(List.of(), page.pageable(), 0);
            }
            bucket = "town:" + f.townId();
        } else if (f.departmentId() != null) {
            if (!reach.all() && !f.departmentId().equals(ownDepartment)) {
                return null;
            }
            bucket = "department:" + f.departmentId();
            owned = true;
        } else if (reach.all()) {
            bucket = HazardLists.CITY;
        } else if (ownTown != null) {
            bucket = "town:" + ownTown;
        } else if (ownDepartment != null) {
            bucket = "department:" + ownDepartment;
        } else {
            return null;
        }
        String[] wanted = {f.state() == null ? null : f.state().name(), f.source() == null ? null : f.source().name(),
                f.severity() == null ? null : f.severity().name(), f.overdue() == null ? null : f.overdue().toString(),
                owned ? "1" : null};
        Predicate<String> counted = combination -> {
            String[] parts = combination.split("\\|", -1);
            for (int i = 0; i < wanted.length; i++) {
                if (wanted[i] != null && !wanted[i].equals(parts[i])) {
                    return false;
                }
            }
            return true;
        };
        long offset = (long) page.page() * page.size();
        HazardLists.Slice slice = lists.newestFirst(bucket, counted, matches, f.from(), f.to(), offset, page.size());
        return new PageImpl<>(slice.rows().stream().map(this::summary).toList(), page.pageable(), slice.total());
    }

    /** The filter tested on a stored hazard or a row, as the query on {@code hazards} would. */
    private static boolean matches(HazardFilter f, Document d) {
        Object reportedAt = d.get("reportedAt");
        return (f.establishmentId() == null || f.establishmentId().equals(d.get("establishmentId")))
                && (f.townId() == null || f.townId().equals(d.get("townId")))
                && (f.departmentId() == null || f.departmentId().equals(d.get("departmentId")))
                && (f.category() == null || f.category().equals(d.get("category")))
                && (f.state() == null || f.state().name().equals(d.get("state")))
                && (f.source() == null || f.source().name().equals(d.get("source")))
                && (f.severity() == null || f.severity().name().equals(d.get("severity")))
                && (f.overdue() == null || f.overdue().equals(d.get("overdue")))
                && (f.from() == null || reportedAt instanceof Date at && !at.toInstant().isBefore(f.from()))
                && (f.to() == null || reportedAt instanceof Date at && at.toInstant().isBefore(f.to()));
    }

    /** One establishment's rows that match. */
    private List<Document> rows(String establishmentId, Predicate<Document> matches) {
        return lists.ofEstablishment(establishmentId).stream().filter(matches).toList();
    }

    /** A page of rows sorted in memory as the store sorts ({@code _id} breaks ties; a missing value first). */
    private Page<HazardSummary> page(List<Document> rows, PageQuery page) {
        Comparator<Document> order = null;
        for (Sort.Order o : page.sort()) {
            Comparator<Document> by = Comparator.comparing(d -> comparable(d.get(o.getProperty())),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            by = o.isAscending() ? by : by.reversed();
            order = order == null ? by : order.thenComparing(by);
        }
        Comparator<Document> byId = Comparator.comparing(d -> d.getString("_id"));
        order = order == null ? byId : order.thenComparing(byId);
        List<Document> sorted = new ArrayList<>(rows);
        sorted.sort(order);
        long offset = Math.min((long) page.page() * page.size(), sorted.size());
        List<HazardSummary> items = sorted.subList((int) offset, (int) Math.min(offset + page.size(), sorted.size()))
                .stream().map(this::summary).toList();
        return new PageImpl<>(items, page.pageable(), sorted.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable<Object> comparable(Object value) {
        return value == null ? null : value instanceof Comparable c ? c : (Comparable) value.toString();
    }

    private HazardSummary summary(Document row) {
        return mongo.getConverter().read(HazardSummary.class, row);
    }

    /** Every hazard of one establishment from every source, with counts by source and state (一页通览). */
    public Ledger ledger(String establishmentId, PageQuery page, Caller caller) {
        HazardScope.Reach reach = scope.reach(caller);
        Criteria criteria = scoped(reach, Criteria.where("establishmentId").is(establishmentId));
        boolean shaped = lists.ready();
        List<Document> facts;
        if (shaped) {
            // one read by _id: the establishment's rows, counted and paged in memory
            facts = rows(establishmentId, d -> reach.test(d) && establishmentId.equals(d.get("establishmentId")));
        } else {
            Query query = new Query(criteria);
            query.fields().include("source", "state", "severity", "corroborations.source");
            facts = mongo.find(query, Document.class, HazardStore.COLLECTION).stream().map(HazardLists::rowOf)
                    .toList();
        }
        Map<String, Long> bySource = new TreeMap<>();
        Map<String, Long> byState = new TreeMap<>();
        Map<String, Long> corroborationsBySource = new TreeMap<>();
        long openMajor = 0;
        for (Document d : facts) {
            bySource.merge(d.getString("source"), 1L, Long::sum);
            byState.merge(d.getString("state"), 1L, Long::sum);
            for (String source : d.getList("corroborationSources", String.class, List.of())) {
                corroborationsBySource.merge(source, 1L, Long::sum);
            }
            if (Severity.MAJOR.name().equals(d.getString("severity"))
                    && !HazardState.CLOSED.name().equals(d.getString("state"))) {
                openMajor++;
            }
        }
        return new Ledger(establishmentId, openMajor, bySource, byState, corroborationsBySource,
                shaped ? page(facts, page) : summaries(criteria, page));
    }

    /** One establishment's ledger: the counts over all its hazards in scope, and one page of them. */
    public record Ledger(String establishmentId, long openMajor, Map<String, Long> bySource,
                         Map<String, Long> byState, Map<String, Long> corroborationsBySource,
                         Page<HazardSummary> hazards) {
    }

    /** The open (not CLOSED) MAJOR hazards in the caller's scope, counted by town, and one page of them. */
    public MajorRegister majorRegister(String townId, PageQuery page, Caller caller) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("severity").is(Severity.MAJOR));
        all.add(Criteria.where("state").ne(HazardState.CLOSED));
        if (townId != null) {
            all.add(Criteria.where("townId").is(townId));
        }
        Criteria criteria = scoped(caller, all.toArray(Criteria[]::new));
        Query facts = new Query(criteria);
        facts.fields().include("townId", "overdue");
        Map<String, Long> byTown = new TreeMap<>();
        long open = 0;
        long overdue = 0;
        for (Document d : mongo.find(facts, Document.class, HazardStore.COLLECTION)) {
            open++;
            byTown.merge(d.getString("townId"), 1L, Long::sum);
            if (Boolean.TRUE.equals(d.getBoolean("overdue"))) {
                overdue++;
            }
        }
        return new MajorRegister(open, overdue, byTown, summaries(criteria, page));
    }

    /** The register of open major hazards (动态清零: its target is zero). */
    public record MajorRegister(long open, long overdue, Map<String, Long> byTown, Page<HazardSummary> hazards) {
    }

    private Page<HazardSummary> summaries(Criteria criteria, PageQuery page) {
        Query query = new Query(criteria);
        long total = mongo.count(query, HazardStore.COLLECTION);
        // the id breaks ties, so that pages of equal sort keys neither repeat nor skip a hazard
        Pageable pageable = PageRequest.of(page.page(), page.size(), page.sort().and(Sort.by("_id")));
        Query slice = Query.of(query).with(pageable);
        slice.fields().include(HazardSummary.fields());
        List<HazardSummary> items = mongo.find(slice, HazardSummary.class, HazardStore.COLLECTION);
        return new PageImpl<>(items, page.pageable(), total);
    }

    /** The criteria and the caller's scope, all of them. */
    private Criteria scoped(Caller caller, Criteria... criteria) {
        return scoped(scope.reach(caller), criteria);
    }

    private static Criteria scoped(HazardScope.Reach reach, Criteria... criteria) {
        List<Criteria> all = new ArrayList<>(List.of(criteria));
        Criteria scoped = reach.criteria();
        if (scoped != null) {
            all.add(scoped);
        }
        return all.isEmpty() ? new Criteria() : all.size() == 1 ? all.get(0) : new Criteria().andOperator(all);
    }
}
