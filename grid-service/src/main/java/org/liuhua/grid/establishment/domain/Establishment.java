package org.liuhua.grid.establishment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.liuhua.events.grid.EstablishmentChanged;
import org.liuhua.events.grid.EstablishmentClosed;
import org.liuhua.events.grid.EstablishmentMoved;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.events.grid.EstablishmentSnapshot;
import org.liuhua.events.grid.OfficerBound;
import org.liuhua.events.grid.OfficerUnbound;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;

/**
 * A supervised establishment (G-2) with its safety-role bindings (G-3). Registering and changing it register the
 * same {@link #snapshot() snapshot} (as {@link EstablishmentRegistered} / {@link EstablishmentChanged}); binding and
 * unbinding officers register {@link OfficerBound} / {@link OfficerUnbound}. The bindings are kept for ever (the
 * binding archive, 实体化管理档案).
 */
public class Establishment extends AggregateRoot {

    private String id;
    private String name;
    private String kind;
    private String industry;
    private String departmentId;
    private String townId;
    private String villageId;
    private String gridId;
    private String unitId;
    private String riskLevel;
    private List<String> flags = new ArrayList<>();
    private int employeeCount;
    private int workshops;
    /** The production-line posts (岗位/班组), in the registry's order; null in documents written before them. */
    private List<Post> posts = new ArrayList<>();
    private String address;
    private Double latitude;
    private Double longitude;
    private String landlordId;
    private String clusterId;
    private Instant registeredAt;
    private Instant changedAt;
    private long revision;
    private List<OfficerBinding> officers = new ArrayList<>();
    private List<UnitMembership> memberships = new ArrayList<>();
    /** The establishments renting its premises (厂中厂), sorted; kept in step with their {@code landlordId}. */
    private List<String> tenantIds = new ArrayList<>();
    /** ACTIVE or CLOSED; null in documents written before closing existed (= ACTIVE). */
    private String status;
    private Instant closedAt;
    private String closedReason;
    private String closedBy;

    Establishment() {
    }

    /** Registers a valid draft ({@link EstablishmentDraft#problems()} is empty) at its resolved placement. */
    public static Establishment register(String id, EstablishmentDraft draft, Placement placement, Instant now) {
        return register(id, draft, placement, List.of(), now, null);
    }

    /**
     * Registers a valid draft with the officers it names, each bound from its {@code officerSince} (same order) by
     * {@code registeredBy}: the same document and events ({@link EstablishmentRegistered}, then one
     * {@link OfficerBound} each) as a registration followed by one binding request per officer.
     */
    public static Establishment register(String id, EstablishmentDraft draft, Placement placement,
                                         List<Instant> officerSince, Instant now, String registeredBy) {
        Establishment e = registered(id, draft, placement, now);
        for (int i = 0; i < draft.officers().size(); i++) {
            e.bindOfficer(draft.officers().get(i), officerSince.get(i), registeredBy);
        }
        return e;
    }

    private static Establishment registered(String id, EstablishmentDraft draft, Placement placement, Instant now) {
        Establishment e = new Establishment();
        e.id = id;
        e.apply(draft, placement);
        e.memberships = new ArrayList<>(List.of(new UnitMembership(placement.unitId(), placement.townId(), null,
                null, null, null)));
        e.status = EstablishmentSnapshot.ACTIVE;
        e.registeredAt = now;
        e.changedAt = now;
        e.revision = 1;
        e.registerEvent(new EstablishmentRegistered(e.snapshot()));
        return e;
    }

    /**
     * Replaces the registry data; registers the change when anything differs. Returns whether it changed. A new unit
     * or town counts as a move from now (the membership history is kept, see {@link #move}).
     */
    public boolean change(EstablishmentDraft draft, Placement placement, Instant now, String changedBy) {
        if (sameAs(draft, placement)) {
            return false;
        }
        requireActive();
        boolean moved = !Objects.equals(unitId, placement.unitId()) || !Objects.equals(townId, placement.townId());
        if (moved) {
            recordMove(placement, now, null, changedBy);
        }
        apply(draft, placement);
        changedAt = now;
        revision++;
        registerEvent(new EstablishmentChanged(snapshot()));
        return true;
    }

    /** The registry data as every registered and changed event carries it. */
    EstablishmentSnapshot snapshot() {
        return new EstablishmentSnapshot(id, name, kind, industry, departmentId, townId, villageId, gridId, unitId,
                riskLevel, flags, employeeCount, address, latitude, longitude, landlordId, clusterId, changedAt,
                revision, workshops, tenantIds(), status(), closedAt, posts().stream().map(Post::toEvent).toList());
    }

    /**
     * Closes the establishment (关闭/注销) from {@code at}: it stays in the register with its history, is no longer due
     * for patrols and leaves its industrial cluster (the cluster it was in is named in {@link EstablishmentClosed}).
     * The caller has checked that no active tenant rents its premises. Closed already: a no-op (a re-sent close).
     */
    public boolean close(Instant at, String reason, String changedBy, Instant now) {
        if (closed()) {
            return false;
        }
        String leftCluster = clusterId;
        status = EstablishmentSnapshot.CLOSED;
        closedAt = at;
        closedReason = reason;
        closedBy = changedBy;
        clusterId = null;
        changedAt = now;
        revision++;
        registerEvent(new EstablishmentClosed(id, townId, unitId, at, reason, leftCluster, changedBy, revision));
        registerEvent(new EstablishmentChanged(snapshot()));
        return true;
    }

    /** Refuses a change of a closed establishment (409 CLOSED). */
    public void requireActive() {
        if (closed()) {
            throw new ConflictException("establishment " + id + " was closed on " + closedAt
                    + "; a closed establishment is kept as it was", "CLOSED", List.of());
        }
    }

    /**
     * A tenant now names this establishment as its landlord ({@code joined}) or no longer does: the tenant list follows
     * (each change with the new snapshot). Returns whether the list changed.
     */
    public boolean tenant(String tenantId, boolean joined, Instant now) {
        java.util.TreeSet<String> updated = new java.util.TreeSet<>(tenantIds());
        if (!(joined ? updated.add(tenantId) : updated.remove(tenantId))) {
            return false;
        }
        tenantIds = new ArrayList<>(updated);
        changedAt = now;
        revision++;
        registerEvent(new EstablishmentChanged(snapshot()));
        return true;
    }

    /**
     * Joins an industrial cluster (or leaves one, {@code clusterId} null) as the cluster's member list says; closed
     * establishments join none. Returns whether it changed.
     */
    public boolean cluster(String newClusterId, Instant now) {
        if (Objects.equals(clusterId, newClusterId) || (newClusterId != null && closed())) {
            return false;
        }
        clusterId = newClusterId;
        changedAt = now;
        revision++;
        registerEvent(new EstablishmentChanged(snapshot()));
        return true;
    }

    /**
     * Applies the reviewed facts an enterprise proposed (null = unchanged; {@code newPosts} is the whole new list).
     * Returns whether anything changed.
     */
    public boolean applyFacts(Integer newEmployees, Integer newWorkshops, List<Post> newPosts, Instant now) {
        requireActive();
        int employees = newEmployees == null ? employeeCount : newEmployees;
        int shops = newWorkshops == null ? workshops : newWorkshops;
        List<Post> teams = newPosts == null ? posts() : List.copyOf(newPosts);
        if (employees == employeeCount && shops == workshops && teams.equals(posts())) {
            return false;
        }
        employeeCount = employees;
        workshops = shops;
        posts = new ArrayList<>(teams);
        changedAt = now;
        revision++;
        registerEvent(new EstablishmentChanged(snapshot()));
        return true;
    }

    /** Whether the stored data already is what the draft says (a re-sent registration). */
    public boolean sameAs(EstablishmentDraft d, Placement p) {
        return Objects.equals(name, d.name()) && Objects.equals(kind, d.kind())
                && Objects.equals(industry, d.industry()) && Objects.equals(departmentId, d.departmentId())
                && Objects.equals(townId, p.townId()) && Objects.equals(unitId, p.unitId())
                && Objects.equals(riskLevel, d.riskLevel()) && Objects.equals(flags, d.flags())
                && employeeCount == orZero(d.employeeCount()) && workshops == orZero(d.workshops())
                && posts().equals(d.posts())
                && Objects.equals(address, d.address()) && Objects.equals(latitude, d.latitude())
                && Objects.equals(longitude, d.longitude()) && Objects.equals(landlordId, d.landlordId())
                && Objects.equals(clusterId, d.clusterId())
                && (d.officers().isEmpty() || holds(d.officers()));
    }

    /** Whether exactly these officers hold their roles now (a re-sent registration that named them). */
    private boolean holds(List<OfficerDraft> named) {
        List<String> current = officers.stream().filter(OfficerBinding::current)
                .map(b -> holder(b.personId(), b.role(), b.workshop(), b.name())).sorted().toList();
        List<String> drafted = named.stream()
                .map(o -> holder(o.personId(), o.role(), o.workshop(), o.name())).sorted().toList();
        return current.equals(drafted);
    }

    private static String holder(String personId, String role, String workshop, String name) {
        return personId + "\u0000" + role + "\u0000" + workshop + "\u0000" + name;
    }

    private void apply(EstablishmentDraft d, Placement p) {
        name = d.name().trim();
        kind = d.kind();
        industry = d.industry();
        departmentId = d.departmentId();
        townId = p.townId();
        villageId = p.villageId();
        gridId = p.gridId();
        unitId = p.unitId();
        riskLevel = d.riskLevel();
        flags = new ArrayList<>(d.flags());
        employeeCount = orZero(d.employeeCount());
        workshops = orZero(d.workshops());
        posts = new ArrayList<>(d.posts());
        address = d.address();
        latitude = d.latitude();
        longitude = d.longitude();
        landlordId = d.landlordId();
        clusterId = d.clusterId();
    }

    /**
     * Moves the establishment to another unit (or town) from {@code effectiveFrom} (not in the future): the current
     * membership ends then and a new one starts, so the binding archive still answers the earlier unit's inspectors
     * for earlier dates. Already in that unit is a no-op (a re-sent move); a move that would take effect before the
     * current membership began is refused. Registers {@link EstablishmentMoved} and the new snapshot.
     */
    public boolean move(Placement target, Instant effectiveFrom, String reason, String changedBy, Instant now) {
        if (Objects.equals(unitId, target.unitId()) && Objects.equals(townId, target.townId())) {
            return false;
        }
        requireActive();
        String fromUnit = unitId;
        String fromTown = townId;
        recordMove(target, effectiveFrom, reason, changedBy);
        townId = target.townId();
        villageId = target.villageId();
        gridId = target.gridId();
        unitId = target.unitId();
        changedAt = now;
        revision++;
        registerEvent(new EstablishmentMoved(id, fromUnit, fromTown, unitId, townId, effectiveFrom, reason, changedBy,
                revision));
        registerEvent(new EstablishmentChanged(snapshot()));
        return true;
    }

    /**
     * Its unit now lies in another grid or village (the region tree was changed): the copied village and grid follow,
     * the membership stays (same unit). Registers the new snapshot when anything differs.
     */
    public boolean replant(String newVillageId, String newGridId, Instant now) {
        if (Objects.equals(villageId, newVillageId) && Objects.equals(gridId, newGridId)) {
            return false;
        }
        villageId = newVillageId;
        gridId = newGridId;
        changedAt = now;
        revision++;
        registerEvent(new EstablishmentChanged(snapshot()));
        return true;
    }

    private void recordMove(Placement target, Instant effectiveFrom, String reason, String changedBy) {
        List<UnitMembership> history = memberships();
        UnitMembership current = history.isEmpty() ? null : history.get(history.size() - 1);
        if (current != null && current.since() != null && !effectiveFrom.isAfter(current.since())) {
            throw new ConflictException("establishment " + id + " has been in its present unit since "
                    + current.since() + "; a move cannot take effect before that", "MOVED",
                    List.of("move from a later date"));
        }
        List<UnitMembership> updated = new ArrayList<>();
        for (UnitMembership m : history) {
            updated.add(m.current() ? m.endedAt(effectiveFrom) : m);
        }
        updated.add(new UnitMembership(target.unitId(), target.townId(), effectiveFrom, null, reason, changedBy));
        memberships = updated;
    }

    /**
     * The unit memberships, oldest first. A document written before the history was kept has none stored: its
     * present unit is then taken to hold from the start.
     */
    public List<UnitMembership> memberships() {
        if (memberships == null || memberships.isEmpty()) {
            return List.of(new UnitMembership(unitId, townId, null, null, null, null));
        }
        return List.copyOf(memberships);
    }

    /** The membership on a date (its unit may be null: in no unit), or empty when none covers it. */
    public java.util.Optional<UnitMembership> membershipAt(Instant at) {
        return memberships().stream().filter(m -> m.activeAt(at)).findFirst();
    }

    /**
     * Binds a person in a role from {@code since}; the current holder of the same role (and workshop) is replaced and
     * kept in the history. Binding the same person again is a no-op. Returns whether anything changed.
     */
    public boolean bindOfficer(OfficerDraft officer, Instant since, String changedBy) {
        List<FieldProblem> problems = officer.problems("");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        requireActive();
        String personId = officer.personId();
        String personName = officer.name();
        String role = officer.role();
        String workshop = officer.workshop();
        List<OfficerBinding> updated = new ArrayList<>();
        boolean changed = true;
        for (OfficerBinding b : officers) {
            if (b.current() && b.role().equals(role) && Objects.equals(b.workshop(), workshop)) {
                if (b.personId().equals(personId)) {
                    changed = false;
                    updated.add(b);
                    continue;
                }
                if (since.isBefore(b.since())) {
                    throw new ConflictException("the current " + role + " was bound on " + b.since()
                            + "; a replacement cannot start before that", "BOUND", List.of("bind from a later date"));
                }
                updated.add(b.endedAt(since));
                registerEvent(new OfficerUnbound(id, b.personId(), role, townId, since, changedBy));
            } else {
                updated.add(b);
            }
        }
        if (!changed) {
            return false;
        }
        updated.add(new OfficerBinding(personId, personName, role, workshop, since, null, changedBy));
        officers = updated;
        registerEvent(new OfficerBound(id, personId, personName, role, townId, since, changedBy));
        return true;
    }

    /** Ends the current bindings of a person (in one role, or all); false when they hold none. */
    public boolean unbindOfficer(String personId, String role, Instant at, String changedBy) {
        boolean changed = false;
        List<OfficerBinding> updated = new ArrayList<>();
        for (OfficerBinding b : officers) {
            if (b.current() && b.personId().equals(personId) && (role == null || b.role().equals(role))) {
                updated.add(b.endedAt(at));
                registerEvent(new OfficerUnbound(id, personId, b.role(), townId, at, changedBy));
                changed = true;
            } else {
                updated.add(b);
            }
        }
        officers = updated;
        return changed;
    }

    public List<OfficerBinding> officersAt(Instant at) {
        return officers.stream().filter(b -> b.activeAt(at)).toList();
    }

    public List<OfficerBinding> currentOfficers(String role) {
        return officers.stream().filter(b -> b.current() && b.role().equals(role)).toList();
    }

    /** Risk colour of the four-colour map (风险四色图). */
    public String colour() {
        return switch (riskLevel) {
            case "MAJOR" -> "RED";
            case "SIGNIFICANT" -> "ORANGE";
            case "GENERAL" -> "YELLOW";
            default -> "BLUE";
        };
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String name() { return name; }
    public String kind() { return kind; }
    public String industry() { return industry; }
    public String departmentId() { return departmentId; }
    public String townId() { return townId; }
    public String villageId() { return villageId; }
    public String gridId() { return gridId; }
    public String unitId() { return unitId; }
    public String riskLevel() { return riskLevel; }
    public List<String> flags() { return List.copyOf(flags); }
    public int employeeCount() { return employeeCount; }
    public int workshops() { return workshops; }
    public List<Post> posts() { return posts == null ? List.of() : List.copyOf(posts); }
    public String address() { return address; }
    public Double latitude() { return latitude; }
    public Double longitude() { return longitude; }
    public String landlordId() { return landlordId; }
    public String clusterId() { return clusterId; }
    public Instant registeredAt() { return registeredAt; }
    public Instant changedAt() { return changedAt; }
    public long revision() { return revision; }
    public List<OfficerBinding> officers() { return List.copyOf(officers); }
    public List<String> tenantIds() { return tenantIds == null ? List.of() : List.copyOf(tenantIds); }
    public String status() { return status == null ? EstablishmentSnapshot.ACTIVE : status; }
    public boolean closed() { return EstablishmentSnapshot.CLOSED.equals(status); }
    public Instant closedAt() { return closedAt; }
    public String closedReason() { return closedReason; }
    public String closedBy() { return closedBy; }
}
