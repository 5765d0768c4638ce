package org.liuhua.grid.establishment;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.liuhua.grid.Saved;
import org.liuhua.grid.TimeBounds;
import org.liuhua.grid.establishment.domain.Establishment;
import org.liuhua.grid.establishment.domain.EstablishmentDraft;
import org.liuhua.grid.establishment.domain.OfficerBinding;
import org.liuhua.grid.establishment.domain.Placement;
import org.liuhua.grid.region.Regions;
import org.liuhua.grid.region.UnitPlaced;
import org.liuhua.grid.region.domain.PatrolUnit;
import org.liuhua.grid.region.domain.RegionNode;
import org.liuhua.grid.scope.CallerScope;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.web.PageQuery;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/** The establishment registry (G-2) and the safety-role bindings (G-3). */
@Service
public class Establishments {

    public static final int MAX_BATCH = 1000;
    /** The cluster feature's collection (an establishment's {@code clusterId} must name one of its documents). */
    static final String CLUSTERS = "clusters";

    private final AggregateStore<Establishment> store;
    private final MongoTemplate mongo;
    private final Regions regions;
    private final Clock clock;

    private final CodeSets codeSets;

    Establishments(AggregateStore<Establishment> store, MongoTemplate mongo, Regions regions, CodeSets codeSets,
                   Clock clock) {
        this.store = store;
        this.mongo = mongo;
        this.regions = regions;
        this.codeSets = codeSets;
        this.clock = clock;
    }

    /** The managed industry codes and risk flags (G-2). */
    public CodeSets codeSets() {
        return codeSets;
    }

    /** Result of one item of a batch or spreadsheet. */
    public record ItemResult(int index, String id, String status, List<FieldProblem> errors) {
    }

    public Saved<Establishment> register(EstablishmentDraft draft, CallerScope scope) {
        List<FieldProblem> problems = new ArrayList<>(draft.problems());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Placement placement = place(draft, new References(scope), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        scope.requireWriteTown(placement.townId());
        return save(draft, placement);
    }

    /** Registers each item on its own; good items are kept whatever happens to the bad ones. */
    public List<ItemResult> registerAll(List<EstablishmentDraft> drafts, CallerScope scope) {
        References references = new References(scope);
        // one query for the ids already registered, instead of one per item (a spreadsheet has thousands of rows)
        Set<String> known = new HashSet<>();
        List<String> ids = drafts.stream().filter(Objects::nonNull).map(EstablishmentDraft::id)
                .filter(Objects::nonNull).distinct().toList();
        if (!ids.isEmpty()) {
            store.find(new Query(Criteria.where("_id").in(ids))).forEach(e -> known.add(e.id()));
        }
        List<ItemResult> results = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            EstablishmentDraft draft = drafts.get(i);
            if (draft == null) {
                results.add(new ItemResult(i, null, "REJECTED", List.of(new FieldProblem("item", "is empty"))));
                continue;
            }
            List<FieldProblem> problems = new ArrayList<>(draft.problems());
            Placement placement = problems.isEmpty() ? place(draft, references, problems) : null;
            if (problems.isEmpty() && !scope.writesTown(placement.townId())) {
                problems.add(new FieldProblem("townId", "you may register establishments of your own town only"));
            }
            if (!problems.isEmpty()) {
                results.add(new ItemResult(i, draft.id(), "REJECTED", problems));
                continue;
            }
            try {
                Saved<Establishment> saved = save(draft, placement, known);
                results.add(new ItemResult(i, saved.value().id(), saved.created() ? "CREATED" : "UNCHANGED",
                        List.of()));
            } catch (ConflictException conflict) {
                results.add(new ItemResult(i, draft.id(), "REJECTED",
                        List.of(new FieldProblem("id", conflict.getMessage()))));
            }
        }
        return results;
    }

    private Saved<Establishment> save(EstablishmentDraft draft, Placement placement) {
        return save(draft, placement, null);
    }

    /**
     * Registers a draft. With {@code known} (the ids found registered at the start of a batch) an id not among them
     * is inserted at once; a duplicate key (the same id twice in a batch, a concurrent request) is then compared as
     * any re-sent registration.
     */
    private Saved<Establishment> save(EstablishmentDraft draft, Placement placement, Set<String> known) {
        String id = draft.id() != null ? draft.id() : "est-" + UUID.randomUUID();
        if (known != null && !known.contains(id)) {
            try {
                Saved<Establishment> created = Saved.created(store.insert(Establishment.register(id, draft, placement,
                        clock.instant())));
                known.add(id);
                return created;
            } catch (DuplicateKeyException concurrent) {
                // compared below
            }
        }
        return Saved.insertOnce(store, Establishment.register(id, draft, placement, clock.instant()),
                existing -> existing.sameAs(draft, placement),
                () -> new ConflictException("establishment " + id + " exists with different content; change it "
                        + "with PUT", "REGISTERED", List.of("PUT /api/v1/establishments/" + id)));
    }

    public Establishment change(String id, EstablishmentDraft draft, CallerScope scope) {
        List<FieldProblem> problems = new ArrayList<>(draft.problems());
        Placement placement = problems.isEmpty() ? place(draft, new References(scope), problems) : null;
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return Saved.change(store, id, "establishment", establishment -> {
            requireVisible(establishment, scope);
            scope.requireWriteTown(establishment.townId());
            scope.requireWriteTown(placement.townId());
            return establishment.change(draft, placement, clock.instant(), scope.caller().username());
        }).value();
    }

    /**
     * Moves an establishment to a unit from {@code since} (start of a past or present day; today when null), keeping
     * the membership history. A unit the caller does not see answers as one that does not exist; a town officer moves
     * within their own town only (another town's unit is not seen). Re-sent: unchanged.
     */
    public Saved<Establishment> move(String id, String unitId, Instant since, String reason, CallerScope scope) {
        Instant from = since == null ? clock.instant() : since;
        List<FieldProblem> problems = new ArrayList<>();
        TimeBounds.past("since", from, clock, problems);
        Optional<PatrolUnit> unit = regions.findUnit(unitId).filter(u -> scope.seesTown(u.townId()));
        if (unit.isEmpty()) {
            problems.add(new FieldProblem("unitId", "no patrol unit " + unitId));
        } else if (unit.get().retired()) {
            problems.add(new FieldProblem("unitId", "patrol unit " + unitId + " is retired"));
        }
        Establishment establishment = get(id, scope);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        scope.requireWriteTown(establishment.townId());
        PatrolUnit u = unit.get();
        scope.requireWriteTown(u.townId());
        Placement target = Placement.inUnit(u.townId(), u.villageId(), u.gridId(), u.id());
        return Saved.change(store, id, "establishment", e -> {
            requireVisible(e, scope);
            scope.requireWriteTown(e.townId());
            return e.move(target, from, reason, scope.caller().username(), clock.instant());
        });
    }

    /** A unit moved to another grid or village: its establishments' copies of both follow (each with its event). */
    @EventListener
    void unitPlaced(UnitPlaced placed) {
        for (Establishment e : store.find(new Query(Criteria.where("unitId").is(placed.unitId())))) {
            Saved.change(store, e.id(), "establishment", x -> placed.unitId().equals(x.unitId())
                    && x.replant(placed.villageId(), placed.gridId(), clock.instant()));
        }
    }

    public Establishment bindOfficer(String id, String personId, String name, String role, String workshop,
                                     Instant since, CallerScope scope) {
        Instant from = since == null ? clock.instant() : since;
        requireBindingTime(from);
        return Saved.change(store, id, "establishment", establishment -> {
            requireVisible(establishment, scope);
            scope.requireWriteTown(establishment.townId());
            return establishment.bindOfficer(personId, name, role, workshop, from, scope.caller().username());
        }).value();
    }

    public Establishment unbindOfficer(String id, String personId, String role, Instant at, CallerScope scope) {
        Instant until = at == null ? clock.instant() : at;
        requireBindingTime(until);
        return Saved.change(store, id, "establishment", establishment -> {
            requireVisible(establishment, scope);
            scope.requireWriteTown(establishment.townId());
            if (!establishment.unbindOfficer(personId, role, until, scope.caller().username())) {
                throw new NotFoundException("current binding of " + personId + " at establishment", id);
            }
            return true;
        }).value();
    }

    private void requireBindingTime(Instant time) {
        List<FieldProblem> problems = new ArrayList<>();
        TimeBounds.binding("since", time, clock, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** An establishment in the caller's scope, or 404. */
    public Establishment get(String id, CallerScope scope) {
        Establishment establishment = store.findById(id).orElseThrow(() -> new NotFoundException("establishment", id));
        requireVisible(establishment, scope);
        return establishment;
    }

    private static void requireVisible(Establishment e, CallerScope scope) {
        if (!scope.seesEstablishment(e.id(), e.townId(), e.unitId(), e.departmentId())) {
            throw new NotFoundException("establishment", e.id());
        }
    }

    /** An establishment by id regardless of scope (for validation of references). */
    public Optional<Establishment> find(String id) {
        return store.findById(id);
    }

    public record Filter(String townId, String unitId, String kind, String industry, String riskLevel, String flag,
                         String departmentId, String clusterId, String landlordId, Boolean unassigned) {
    }

    public Page<Establishment> list(Filter f, CallerScope scope, PageQuery page) {
        Criteria c = new Criteria();
        if (f.townId() != null) {
            c.and("townId").is(f.townId());
        }
        if (Boolean.TRUE.equals(f.unassigned())) {
            c.and("unitId").is(null);
        } else if (f.unitId() != null) {
            c.and("unitId").is(f.unitId());
        }
        if (f.kind() != null) {
            c.and("kind").is(f.kind());
        }
        if (f.industry() != null) {
            c.and("industry").is(f.industry());
        }
        if (f.riskLevel() != null) {
            c.and("riskLevel").is(f.riskLevel());
        }
        if (f.flag() != null) {
            c.and("flags").is(f.flag());
        }
        if (f.departmentId() != null) {
            c.and("departmentId").is(f.departmentId());
        }
        if (f.clusterId() != null) {
            c.and("clusterId").is(f.clusterId());
        }
        if (f.landlordId() != null) {
            c.and("landlordId").is(f.landlordId());
        }
        return store.page(new Query(new Criteria().andOperator(scope.establishmentCriteria(), c)), page.pageable());
    }

    /** A current safety-role holder at an establishment. */
    public record OfficerOnDuty(String establishmentId, String establishmentName, String townId,
                                OfficerBinding binding) {
    }

    /**
     * Current officers of the establishments in the caller's scope, optionally of one town, establishment, role or
     * person: one item per binding, sorted by establishment (then role and person).
     */
    public Page<OfficerOnDuty> officers(String townId, String establishmentId, String role, String personId,
                                        CallerScope scope, PageQuery page) {
        Criteria binding = Criteria.where("until").is(null);
        Criteria current = Criteria.where("officers.until").is(null);
        if (role != null) {
            binding.and("role").is(role);
            current.and("officers.role").is(role);
        }
        if (personId != null) {
            binding.and("personId").is(personId);
            current.and("officers.personId").is(personId);
        }
        Criteria establishments = Criteria.where("officers").elemMatch(binding);
        if (townId != null) {
            establishments.and("townId").is(townId);
        }
        if (establishmentId != null) {
            establishments.and("_id").is(establishmentId);
        }
        List<AggregationOperation> bindings = List.of(
                Aggregation.match(new Criteria().andOperator(scope.establishmentCriteria(), establishments)),
                Aggregation.unwind("officers"), Aggregation.match(current));
        List<AggregationOperation> counted = new ArrayList<>(bindings);
        counted.add(Aggregation.count().as("total"));
        Document count = mongo.aggregate(Aggregation.newAggregation(counted), EstablishmentStorage.COLLECTION,
                Document.class).getUniqueMappedResult();
        long total = count == null ? 0 : ((Number) count.get("total")).longValue();

        List<Sort.Order> orders = new ArrayList<>();
        page.sort().forEach(order -> orders.add(order.withProperty(
                "establishmentId".equals(order.getProperty()) ? "_id" : order.getProperty())));
        orders.add(Sort.Order.asc("officers.role"));
        orders.add(Sort.Order.asc("officers.personId"));
        List<AggregationOperation> paged = new ArrayList<>(bindings);
        paged.add(Aggregation.sort(Sort.by(orders)));
        paged.add(Aggregation.skip(page.pageable().getOffset()));
        paged.add(Aggregation.limit(page.size()));
        paged.add(Aggregation.project().and("_id").as("establishmentId").and("name").as("establishmentName")
                .and("townId").as("townId").and("officers").as("binding"));
        List<OfficerOnDuty> items = mongo.aggregate(Aggregation.newAggregation(paged),
                EstablishmentStorage.COLLECTION, OfficerOnDuty.class).getMappedResults();
        return new PageImpl<>(items, page.pageable(), total);
    }

    /** A page of the establishments now in a unit, regardless of scope (the public 双网格员 list). */
    public Page<Establishment> pageOfUnit(String unitId, PageQuery page) {
        return store.page(new Query(Criteria.where("unitId").is(unitId)), page.pageable());
    }

    /** Every establishment of these units (for plans and coverage). */
    public List<Establishment> inUnits(Collection<String> unitIds) {
        return store.find(new Query(Criteria.where("unitId").in(unitIds)));
    }

    public List<Establishment> inTown(String townId) {
        return store.find(new Query(Criteria.where("townId").is(townId)));
    }

    /** The establishments in the caller's scope, optionally of one town (for the staffing rules). */
    public List<Establishment> inScope(String townId, CallerScope scope) {
        Criteria criteria = scope.establishmentCriteria();
        return store.find(new Query(townId == null ? criteria
                : new Criteria().andOperator(criteria, Criteria.where("townId").is(townId))));
    }

    /** Spreadsheet import report: one line per data row (row number as in the sheet, header = 1). */
    public record ImportReport(int rows, int created, int unchanged, int rejected, List<RowResult> results) {
    }

    public record RowResult(int row, String id, String status, List<FieldProblem> errors) {
    }

    public ImportReport importSpreadsheet(String filename, InputStream in, CallerScope scope) {
        List<SpreadsheetRows.Row> rows;
        try {
            rows = SpreadsheetRows.read(filename, in);
        } catch (IOException | RuntimeException unreadable) {
            throw new InvalidInputException("file", "cannot be read as XLSX or CSV: " + unreadable.getMessage());
        }
        if (rows.size() > 10 * MAX_BATCH) {
            throw new InvalidInputException("file", "has more than " + 10 * MAX_BATCH + " rows");
        }
        List<EstablishmentDraft> readable = new ArrayList<>();
        List<RowResult> results = new ArrayList<>();
        for (SpreadsheetRows.Row row : rows) {
            if (row.problems().isEmpty()) {
                readable.add(row.draft());
            }
        }
        List<ItemResult> saved = registerAll(readable, scope);
        int next = 0;
        for (SpreadsheetRows.Row row : rows) {
            if (!row.problems().isEmpty()) {
                results.add(new RowResult(row.rowNumber(), row.draft().id(), "REJECTED", row.problems()));
            } else {
                ItemResult r = saved.get(next++);
                results.add(new RowResult(row.rowNumber(), r.id(), r.status(), r.errors()));
            }
        }
        return new ImportReport(rows.size(), count(results, "CREATED"), count(results, "UNCHANGED"),
                count(results, "REJECTED"), results);
    }

    private static int count(List<RowResult> results, String status) {
        return (int) results.stream().filter(r -> r.status().equals(status)).count();
    }

    private Placement place(EstablishmentDraft draft, References references, List<FieldProblem> problems) {
        Placement placement = null;
        if (draft.unitId() != null) {
            Optional<PatrolUnit> unit = references.unit(draft.unitId());
            if (unit.isEmpty()) {
                problems.add(new FieldProblem("unitId", "no patrol unit " + draft.unitId()));
            } else if (unit.get().retired()) {
                problems.add(new FieldProblem("unitId", "patrol unit " + draft.unitId() + " is retired"));
            } else if (draft.townId() != null && !draft.townId().equals(unit.get().townId())) {
                problems.add(new FieldProblem("townId", "unit " + draft.unitId() + " belongs to town "
                        + unit.get().townId()));
            } else {
                PatrolUnit u = unit.get();
                placement = Placement.inUnit(u.townId(), u.villageId(), u.gridId(), u.id());
            }
        } else if (draft.townId() != null) {
            if (references.town(draft.townId()).isEmpty()) {
                problems.add(new FieldProblem("townId", "no town " + draft.townId()));
            } else {
                placement = Placement.inTownOnly(draft.townId());
            }
        }
        if (draft.industry() != null && !codeSets.industry(draft.industry())) {
            problems.add(new FieldProblem("industry", "unknown industry code " + draft.industry()
                    + " (the codes: GET /api/v1/establishments/code-sets)"));
        }
        // the draft holds its flags sorted and without repeats, so a problem names the field and the code
        for (String flag : draft.flags() == null ? List.<String>of() : draft.flags()) {
            if (!codeSets.flag(flag)) {
                problems.add(new FieldProblem("flags", "unknown risk flag " + flag
                        + " (the codes: GET /api/v1/establishments/code-sets)"));
            }
        }
        if (draft.departmentId() != null && !references.department(draft.departmentId())) {
            problems.add(new FieldProblem("departmentId", "no department " + draft.departmentId()));
        }
        if (draft.landlordId() != null && !references.establishment(draft.landlordId())) {
            problems.add(new FieldProblem("landlordId", "no establishment " + draft.landlordId()));
        }
        if (draft.clusterId() != null && !references.cluster(draft.clusterId())) {
            problems.add(new FieldProblem("clusterId", "no cluster " + draft.clusterId()));
        }
        return placement;
    }

    /**
     * Looks references up once per request (a batch of 1000 rows names few units and departments). A landlord the
     * caller does not see answers as one that does not exist.
     */
    private final class References {
        private final CallerScope scope;
        private final Map<String, Optional<PatrolUnit>> units = new HashMap<>();
        private final Map<String, Optional<RegionNode>> towns = new HashMap<>();
        private final Map<String, Boolean> departments = new HashMap<>();
        private final Map<String, Boolean> establishments = new HashMap<>();
        private final Map<String, Boolean> clusters = new HashMap<>();

        References(CallerScope scope) {
            this.scope = scope;
        }

        /**
         * A cluster of a town the caller sees. Read as a plain document of the clusters collection: the cluster
         * feature builds on this one, not the other way.
         */
        boolean cluster(String id) {
            return clusters.computeIfAbsent(id, c -> {
                Document cluster = mongo.findOne(new Query(Criteria.where("_id").is(c)), Document.class, CLUSTERS);
                return cluster != null && scope.seesTown(cluster.getString("townId"));
            });
        }

        boolean establishment(String id) {
            return establishments.computeIfAbsent(id, e -> store.findById(e).filter(found -> scope.seesEstablishment(
                    found.id(), found.townId(), found.unitId(), found.departmentId())).isPresent());
        }

        Optional<PatrolUnit> unit(String id) {
            return units.computeIfAbsent(id, regions::findUnit);
        }

        Optional<RegionNode> town(String id) {
            return towns.computeIfAbsent(id, regions::findTown);
        }

        boolean department(String id) {
            return departments.computeIfAbsent(id, d -> regions.findDepartment(d).isPresent());
        }
    }
}
