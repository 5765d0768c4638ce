package org.liuhua.hazard.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * and the register of open major hazards with their counts.
 */
@Service
public class HazardQueries {

    private final MongoTemplate mongo;
    private final HazardStore store;
    private final HazardScope scope;
    private final EstablishmentHazards members;

    HazardQueries(MongoTemplate mongo, HazardStore store, HazardScope scope, EstablishmentHazards members) {
        this.mongo = mongo;
        this.store = store;
        this.scope = scope;
        this.members = members;
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
        return summaries(scoped(caller, all.toArray(Criteria[]::new)), page);
    }

    /**
     * Every hazard of one establishment from every source, with counts by source and state (一页通览). Read by
     * {@code _id}: the establishment's members, then those hazards (ADR 14), counted, sorted and paged here — when
     * the caller sees all of them; otherwise (and while the membership is being built) by the query with the scope.
     */
    public Ledger ledger(String establishmentId, PageQuery page, Caller caller) {
        java.util.Optional<List<String>> ids = members.hazardIds(establishmentId);
        if (ids.isPresent()) {
            List<Document> hazards = ledgerRows(ids.get(), establishmentId);
            if (scope.seesAllOf(caller, establishmentId, hazards)) {
                return ledgerOf(establishmentId, hazards, page);
            }
        }
        Criteria criteria = scoped(caller, Criteria.where("establishmentId").is(establishmentId));
        Query facts = new Query(criteria);
        facts.fields().include("source", "state", "severity", "corroborations.source");
        return counted(establishmentId, mongo.find(facts, Document.class, HazardStore.COLLECTION),
                summaries(criteria, page));
    }

    /** The ledger's counts over the hazards' stored fields, beside its page. */
    private static Ledger counted(String establishmentId, Iterable<Document> hazards, Page<HazardSummary> page) {
        Map<String, Long> bySource = new TreeMap<>();
        Map<String, Long> byState = new TreeMap<>();
        Map<String, Long> corroborationsBySource = new TreeMap<>();
        long openMajor = 0;
        for (Document d : hazards) {
            bySource.merge(d.getString("source"), 1L, Long::sum);
            byState.merge(d.getString("state"), 1L, Long::sum);
            for (Document c : d.getList("corroborations", Document.class, List.of())) {
                corroborationsBySource.merge(c.getString("source"), 1L, Long::sum);
            }
            if (Severity.MAJOR.name().equals(d.getString("severity"))
                    && !HazardState.finalNames().contains(d.getString("state"))) {
                openMajor++;
            }
        }
        return new Ledger(establishmentId, openMajor, bySource, byState, corroborationsBySource, page);
    }

    private static final String[] LEDGER_FIELDS = java.util.stream.Stream.concat(
            java.util.Arrays.stream(HazardSummary.fields()), java.util.stream.Stream.of("corroborations.source"))
            .toArray(String[]::new);

    /** The establishment's hazards by {@code _id}, with what a summary and the counts read. */
    private List<Document> ledgerRows(List<String> ids, String establishmentId) {
        // a member is always of this establishment; the test only guards against a hand-edited store
        return members.byId(ids, LEDGER_FIELDS).stream()
                .filter(d -> establishmentId.equals(d.getString("establishmentId"))).toList();
    }

    /** The counts and one page, as {@link #ledger}'s query computes them, over rows already read. */
    private Ledger ledgerOf(String establishmentId, List<Document> rows, PageQuery page) {
        List<Document> sorted = new ArrayList<>(rows);
        sorted.sort(StoredOrder.of(page.sort().and(Sort.by("_id"))));
        List<HazardSummary> items = sorted.stream().skip((long) page.page() * page.size()).limit(page.size())
                .map(d -> mongo.getConverter().read(HazardSummary.class, d)).toList();
        return counted(establishmentId, rows, new PageImpl<>(items, page.pageable(), rows.size()));
    }

    /** One establishment's ledger: the counts over all its hazards in scope, and one page of them. */
    public record Ledger(String establishmentId, long openMajor, Map<String, Long> bySource,
                         Map<String, Long> byState, Map<String, Long> corroborationsBySource,
                         Page<HazardSummary> hazards) {
    }

    /** The open (not CLOSED or VOIDED) MAJOR hazards in the caller's scope, counted by town, and one page of them. */
    public MajorRegister majorRegister(String townId, PageQuery page, Caller caller) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("severity").is(Severity.MAJOR));
        all.add(Criteria.where("state").nin(HazardState.finalNames()));
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
        List<Criteria> all = new ArrayList<>(List.of(criteria));
        Criteria scoped = scope.of(caller);
        if (scoped != null) {
            all.add(scoped);
        }
        return all.isEmpty() ? new Criteria() : all.size() == 1 ? all.get(0) : new Criteria().andOperator(all);
    }
}
