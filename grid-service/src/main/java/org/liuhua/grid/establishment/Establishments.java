package org.liuhua.grid.establishment;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.liuhua.grid.Saved;
import org.liuhua.grid.TimeBounds;
import org.liuhua.grid.establishment.domain.Establishment;
import org.liuhua.grid.establishment.domain.EstablishmentDraft;
import org.liuhua.grid.establishment.domain.OfficerBinding;
import org.liuhua.grid.establishment.domain.OfficerDraft;
import org.liuhua.grid.establishment.domain.Placement;
import org.liuhua.events.grid.EstablishmentSnapshot;
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
import org.liuhua.kit.time.CityCalendar;
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
import org.springframework.context.ApplicationEventPublisher;
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
    private final CityCalendar calendar;

    private final CodeSets codeSets;
    private final ApplicationEventPublisher publisher;

    Establishments(AggregateStore<Establishment> store, MongoTemplate mongo, Regions regions, CodeSets codeSets,
                   ApplicationEventPublisher publisher, Clock clock, CityCalendar calendar) {
        this.store = store;
        this.mongo = mongo;
        this.regions = regions;
        this.codeSets = codeSets;
        this.publisher = publisher;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** The longest landlord chain followed when looking for a cycle (a sublet of a sublet …). */
    static final int MAX_LANDLORD_CHAIN = 20;

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
        Placement placement = place(draft.id(), draft, new References(scope), problems);
        List<Instant> officerSince = officerSince(draft, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        scope.requireWriteTown(placement.townId());
        Saved<Establishment> saved = save(draft, placement, officerSince, null, scope);
        if (saved.created()) {
            linksChanged(saved.value().id(), null, null, saved.value());
        }
        return saved;
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
            Placement placement = problems.isEmpty() ? place(draft.id(), draft, references, problems) : null;
            List<Instant> officerSince = problems.isEmpty() ? officerSince(draft, problems) : null;
            if (problems.isEmpty() && !scope.writesTown(placement.townId())) {
                problems.add(new FieldProblem("townId", "you may register establishments of your own town only"));
            }
            if (!problems.isEmpty()) {
                results.add(new ItemResult(i, draft.id(), "REJECTED", problems));
                continue;
            }
            try {
                Saved<Establishment> saved = save(draft, placement, officerSince, known, scope);
                if (saved.created()) {
                    linksChanged(saved.value().id(), null, null, saved.value());
                }
                results.add(new ItemResult(i, saved.value().id(), saved.created() ? "CREATED" : "UNCHANGED",
                        List.of()));
            } catch (ConflictException conflict) {
                results.add(new ItemResult(i, draft.id(), "REJECTED",
                        List.of(new FieldProblem("id", conflict.getMessage()))));
            }
        }
        return results;
    }

    /** When each officer the draft names is bound from (today when not given), checked as a binding's date. */
    private List<Instant> officerSince(EstablishmentDraft draft, List<FieldProblem> problems) {
        List<Instant> since = new ArrayList<>();
        for (int i = 0; i < draft.officers().size(); i++) {
            LocalDate date = draft.officers().get(i).since();
            Instant from = date == null ? clock.instant() : calendar.startOf(date);
            TimeBounds.binding("officers[" + i + "].since", from, clock, problems);
            since.add(from);
        }
        return since;
    }

    /**
     * Registers a draft. With {@code known} (the ids found registered at the start of a batch) an id not among them
     * is inserted at once; a duplicate key (the same id twice in a batch, a concurrent request) is then compared as
     * any re-sent registration.
     */
    private Saved<Establishment> save(EstablishmentDraft draft, Placement placement, List<Instant> officerSince,
                                     Set<String> known, CallerScope scope) {
        String id = draft.id() != null ? draft.id() : "est-" + UUID.randomUUID();
        String by = scope.caller().username();
        if (known != null && !known.contains(id)) {
            try {
                Saved<Establishment> created = Saved.created(store.insert(Establishment.register(id, draft, placement,
                        officerSince, clock.instant(), by)));
                known.add(id);
                return created;
            } catch (DuplicateKeyException concurrent) {
                // compared below
            }
        }
        return Saved.insertOnce(store, Establishment.register(id, draft, placement, officerSince, clock.instant(), by),
                existing -> existing.sameAs(draft, placement),
                () -> new ConflictException("establishment " + id + " exists with different content; change it "
                        + "with PUT and its officers with their own requests", "REGISTERED",
                        List.of("PUT /api/v1/establishments/" + id, "POST /api/v1/establishments/" + id + "/officers")));
    }

    public Establishment change(String id, EstablishmentDraft draft, CallerScope scope) {
        List<FieldProblem> problems = new ArrayList<>(draft.problems());
        if (!draft.officers().isEmpty()) {
            // a change of holder ends the earlier binding on a date: the officers' own requests keep the archive
            problems.add(new FieldProblem("officers", "are named only when registering; bind and unbind them with "
                    + "POST and DELETE /api/v1/establishments/" + id + "/officers"));
        }
        Placement placement = problems.isEmpty() ? place(id, draft, new References(scope), problems) : null;
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Establishment stored = get(id, scope);
        List<String> tenants = Objects.equals(stored.townId(), placement.townId()) ? List.of() : activeTenants(stored);
        if (!tenants.isEmpty()) {
            throw new InvalidInputException("townId", "establishment " + id + " has active tenants " + tenants
                    + " in town " + stored.townId() + "; a landlord stays in its tenants' town");
        }
        AtomicReference<String[]> before = new AtomicReference<>();
        Saved<Establishment> saved = Saved.change(store, id, "establishment", establishment -> {
            requireVisible(establishment, scope);
            scope.requireWriteTown(establishment.townId());
            scope.requireWriteTown(placement.townId());
            before.set(new String[] {establishment.landlordId(), establishment.clusterId()});
            return establishment.change(draft, placement, clock.instant(), scope.caller().username());
        });
        // also after an unchanged PUT: the other sides are brought in step should an earlier request have stopped
        // between the two writes
        linksChanged(id, before.get()[0], before.get()[1], saved.value());
        return saved.value();
    }

    /**
     * Keeps the other side of an establishment's links in step after its write: the old landlord no longer lists it
     * as a tenant, the new one does (each an own write with its event, by {@code _id}); the cluster feature hears of a
     * new cluster. Every step is idempotent (already listed, already gone: nothing is written), so the new side of a
     * link a failure left half-done is completed by sending the request again.
     */
    private void linksChanged(String id, String oldLandlord, String oldCluster, Establishment now) {
        String newLandlord = now.landlordId();
        if (oldLandlord != null && !oldLandlord.equals(newLandlord)) {
            tenantLink(oldLandlord, id, false);
        }
        if (newLandlord != null) {
            tenantLink(newLandlord, id, true);
        }
        if (!Objects.equals(oldCluster, now.clusterId()) || now.clusterId() != null) {
            publisher.publishEvent(new ClusterLinkChanged(id, Objects.equals(oldCluster, now.clusterId()) ? null
                    : oldCluster, now.clusterId()));
        }
    }

    private void tenantLink(String landlordId, String tenantId, boolean joined) {
        if (store.findById(landlordId).isPresent()) {
            Saved.change(store, landlordId, "establishment", l -> l.tenant(tenantId, joined, clock.instant()));
        }
    }

    /**
     * A landlord must be an establishment the caller sees (else "no establishment", as one that does not exist), in
     * the tenant's town (rental factories are filed with the town's safety office: zhangjiagang 2022), not closed,
     * not the tenant itself and not (through its own landlords) a tenant of it.
     */
    private void checkLandlord(String id, String landlordId, Placement placement, List<FieldProblem> problems) {
        if (landlordId == null || placement == null) {
            return;
        }
        if (landlordId.equals(id)) {
            problems.add(new FieldProblem("landlordId", "must name another establishment"));
            return;
        }
        Optional<Establishment> landlord = store.findById(landlordId);
        if (landlord.isEmpty()) {
            return; // reported by place() as "no establishment"
        }
        Establishment l = landlord.get();
        if (!Objects.equals(l.townId(), placement.townId())) {
            problems.add(new FieldProblem("landlordId", "landlord " + landlordId + " lies in town " + l.townId()
                    + "; a rental factory's tenants are in its town"));
        } else if (l.closed()) {
            problems.add(new FieldProblem("landlordId", "landlord " + landlordId + " is closed"));
        } else if (id != null) {
            Establishment x = l;
            for (int i = 0; i < MAX_LANDLORD_CHAIN && x != null && x.landlordId() != null; i++) {
                if (x.landlordId().equals(id)) {
                    problems.add(new FieldProblem("landlordId", "landlord " + landlordId + " rents from " + id
                            + " (directly or through others): the links would form a cycle"));
                    return;
                }
                x = store.findById(x.landlordId()).orElse(null);
            }
        }
    }

    /**
     * Closes an establishment (关闭/注销) from {@code on} (start of a past or present day; today when null): kept in the
     * register with its history, no longer due for patrols, out of its cluster. A landlord whose premises still have
     * active tenants is refused (409 HAS_TENANTS naming them). Re-sent: unchanged.
     */
    public Saved<Establishment> close(String id, Instant on, String reason, CallerScope scope) {
        Instant at = on == null ? clock.instant() : on;
        List<FieldProblem> problems = new ArrayList<>();
        TimeBounds.past("closedOn", at, clock, problems);
        Establishment current = get(id, scope);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        scope.requireWriteTown(current.townId());
        if (!current.closed()) {
            requireNoActiveTenants(current);
        }
        String cluster = current.clusterId();
        Saved<Establishment> saved = Saved.change(store, id, "establishment", e -> {
            requireVisible(e, scope);
            if (!e.closed()) {
                requireNoActiveTenants(e);
            }
            return e.close(at, reason, scope.caller().username(), clock.instant());
        });
        if (saved.created() && cluster != null) {
            publisher.publishEvent(new ClusterLinkChanged(id, cluster, null));
        }
        return saved;
    }

    /**
     * A move to another town would leave a landlord, active tenants or a cluster behind in the old one (links stay
     * within a town): 409 LINKED naming them, to be ended first.
     */
    private void requireNoLinksAcrossTowns(Establishment e) {
        List<String> links = new ArrayList<>();
        if (e.landlordId() != null) {
            links.add("landlord " + e.landlordId());
        }
        if (e.clusterId() != null) {
            links.add("cluster " + e.clusterId());
        }
        activeTenants(e).forEach(t -> links.add("tenant " + t));
        if (!links.isEmpty()) {
            throw new ConflictException("establishment " + e.id() + " is linked to " + links + " in town "
                    + e.townId() + "; end the links before moving it to another town", "LINKED",
                    List.of("PUT /api/v1/establishments/" + e.id()));
        }
    }

    private List<String> activeTenants(Establishment landlord) {
        if (landlord.tenantIds().isEmpty()) {
            return List.of();
        }
        return store.find(new Query(Criteria.where("_id").in(landlord.tenantIds()))).stream()
                .filter(t -> !t.closed() && landlord.id().equals(t.landlordId())).map(Establishment::id).sorted()
                .toList();
    }

    /** Tenants are read by {@code _id} from the landlord's own list (no scan of the register). */
    private void requireNoActiveTenants(Establishment landlord) {
        List<String> active = activeTenants(landlord);
        if (!active.isEmpty()) {
            throw new ConflictException("establishment " + landlord.id() + " still has active tenants " + active
                    + "; close them or end their tenancy (PUT without landlordId) first", "HAS_TENANTS",
                    active.stream().map(t -> "PUT /api/v1/establishments/" + t).toList());
        }
    }

    /**
     * Sets or clears an establishment's cluster from the cluster's side (a member added to or removed from a cluster):
     * only an active establishment of the cluster's town joins. {@code clusterId} null leaves {@code fromClusterId}
     * (nothing happens when the establishment is in another cluster by now). Returns whether it changed; the cluster
     * feature hears of the change like any other.
     */
    public boolean linkCluster(String establishmentId, String clusterId, String clusterTownId, String fromClusterId) {
        Optional<Establishment> found = store.findById(establishmentId);
        if (found.isEmpty() || (clusterId != null && (found.get().closed()
                || !Objects.equals(found.get().townId(), clusterTownId)))
                || (clusterId == null && !Objects.equals(found.get().clusterId(), fromClusterId))) {
            return false;
        }
        String before = found.get().clusterId();
        Saved<Establishment> saved = Saved.change(store, establishmentId, "establishment",
                e -> e.cluster(clusterId, clock.instant()));
        if (saved.created()) {
            publisher.publishEvent(new ClusterLinkChanged(establishmentId, before, clusterId));
        }
        return saved.created();
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
        if (!u.townId().equals(establishment.townId())) {
            requireNoLinksAcrossTowns(establishment);
        }
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

    /** Binds the holder from {@code since} (today when null); each bad field of the holder and the date at once. */
    public Establishment bindOfficer(String id, OfficerDraft officer, Instant since, CallerScope scope) {
        Instant from = since == null ? clock.instant() : since;
        List<FieldProblem> problems = new ArrayList<>(officer.problems(""));
        TimeBounds.binding("since", from, clock, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return Saved.change(store, id, "establishment", establishment -> {
            requireVisible(establishment, scope);
            scope.requireWriteTown(establishment.townId());
            return establishment.bindOfficer(officer, from, scope.caller().username());
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

    /** The establishments of these ids that exist, by id, regardless of scope, in one read. */
    public Map<String, Establishment> findAll(Collection<String> ids) {
        Map<String, Establishment> found = new HashMap<>();
        if (!ids.isEmpty()) {
            store.find(new Query(Criteria.where("_id").in(ids))).forEach(e -> found.put(e.id(), e));
        }
        return found;
    }

    public record Filter(String townId, String unitId, String kind, String industry, String riskLevel, String flag,
                         String departmentId, String clusterId, String landlordId, Boolean unassigned,
                         String status) {
    }

    /** Not closed (documents written before closing existed have no status: active). */
    private static Criteria active() {
        return Criteria.where("status").ne(EstablishmentSnapshot.CLOSED);
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
        if (EstablishmentSnapshot.CLOSED.equals(f.status())) {
            c.and("status").is(EstablishmentSnapshot.CLOSED);
        } else if (EstablishmentSnapshot.ACTIVE.equals(f.status())) {
            c.and("status").ne(EstablishmentSnapshot.CLOSED);
        } else if (f.status() != null) {
            throw new InvalidInputException("status", "must be ACTIVE or CLOSED");
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

    /** A page of the active establishments now in a unit, regardless of scope (the public 双网格员 list). */
    public Page<Establishment> pageOfUnit(String unitId, PageQuery page) {
        return store.page(new Query(Criteria.where("unitId").is(unitId).andOperator(active())), page.pageable());
    }

    /** Every active establishment of these units (for plans and coverage: a closed one is not patrolled). */
    public List<Establishment> inUnits(Collection<String> unitIds) {
        return store.find(new Query(Criteria.where("unitId").in(unitIds).andOperator(active())));
    }

    /** Every active establishment of a town (for coverage). */
    public List<Establishment> inTown(String townId) {
        return store.find(new Query(Criteria.where("townId").is(townId).andOperator(active())));
    }

    /** The active establishments in the caller's scope, optionally of one town (for the staffing rules). */
    public List<Establishment> inScope(String townId, CallerScope scope) {
        Criteria criteria = new Criteria().andOperator(scope.establishmentCriteria(), active());
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

    private Placement place(String id, EstablishmentDraft draft, References references, List<FieldProblem> problems) {
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
        } else {
            checkLandlord(id, draft.landlordId(), placement, problems);
        }
        if (draft.clusterId() != null) {
            Optional<String> clusterTown = references.clusterTown(draft.clusterId());
            if (clusterTown.isEmpty()) {
                problems.add(new FieldProblem("clusterId", "no cluster " + draft.clusterId()));
            } else if (placement != null && !clusterTown.get().equals(placement.townId())) {
                problems.add(new FieldProblem("clusterId", "cluster " + draft.clusterId() + " lies in town "
                        + clusterTown.get() + "; a cluster's members lie in its town"));
            }
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
        private final Map<String, Optional<String>> clusters = new HashMap<>();

        References(CallerScope scope) {
            this.scope = scope;
        }

        /**
         * A cluster of a town the caller sees. Read as a plain document of the clusters collection: the cluster
         * feature builds on this one, not the other way.
         */
        Optional<String> clusterTown(String id) {
            return clusters.computeIfAbsent(id, c -> {
                Document cluster = mongo.findOne(new Query(Criteria.where("_id").is(c)), Document.class, CLUSTERS);
                return cluster != null && scope.seesTown(cluster.getString("townId"))
                        ? Optional.ofNullable(cluster.getString("townId")) : Optional.empty();
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
