package org.liuhua.grid.region;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.liuhua.grid.Saved;
import org.liuhua.grid.region.domain.Department;
import org.liuhua.grid.region.domain.PatrolUnit;
import org.liuhua.grid.region.domain.RegionNode;
import org.liuhua.grid.scope.CallerScope;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.web.PageQuery;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** The region tree (G-1): towns, villages, grids, patrol units, and the supervising departments. */
@Service
public class Regions {

    private final AggregateStore<RegionNode> nodes;
    private final AggregateStore<PatrolUnit> units;
    private final MongoTemplate mongo;
    private final Clock clock;

    private final ApplicationEventPublisher publisher;

    Regions(AggregateStore<RegionNode> nodes, AggregateStore<PatrolUnit> units, MongoTemplate mongo, Clock clock,
            ApplicationEventPublisher publisher) {
        this.nodes = nodes;
        this.units = units;
        this.mongo = mongo;
        this.clock = clock;
        this.publisher = publisher;
    }

    /** The establishment and inspector collections, read as plain documents (those features build on this one). */
    static final String ESTABLISHMENTS = "establishments";
    static final String INSPECTORS = "inspectors";

    /** Renames a village; it stays in its town ({@code townId}, when given, must be its town, else 400). */
    public RegionNode changeVillage(String id, String name, String townId, CallerScope scope) {
        RegionNode village = node(id, RegionNode.VILLAGE, scope);
        if (townId != null && !townId.equals(village.townId())) {
            throw new InvalidInputException("townId", "a village stays in its town " + village.townId()
                    + "; register a new village in the other town and move its grids there");
        }
        scope.requireWriteTown(village.townId());
        return Saved.change(nodes, id, "village", v -> v.rename(name.trim(), clock.instant())).value();
    }

    /**
     * Renames a grid and/or moves it to another (not retired) village of its town; its units (and through
     * {@link UnitPlaced} their establishments) follow.
     */
    public RegionNode changeGrid(String id, String name, String villageId, CallerScope scope) {
        RegionNode grid = node(id, RegionNode.GRID, scope);
        scope.requireWriteTown(grid.townId());
        RegionNode village = nodes.findById(villageId == null ? grid.villageId() : villageId)
                .filter(v -> RegionNode.VILLAGE.equals(v.level()) && v.townId().equals(grid.townId()) && !v.retired())
                .orElseThrow(() -> new InvalidInputException("villageId", "no village " + villageId + " in town "
                        + grid.townId()));
        RegionNode changed = Saved.change(nodes, id, "grid", g -> g.rename(name.trim(), clock.instant())
                | g.moveTo(village, clock.instant())).value();
        if (!village.id().equals(grid.villageId())) {
            for (PatrolUnit unit : units.find(new Query(Criteria.where("gridId").is(id)))) {
                if (!unit.retired()) {
                    place(Saved.change(units, unit.id(), "patrol unit", u -> u.change(u.name(), u.kind(), changed,
                            clock.instant())).value());
                }
            }
        }
        return changed;
    }

    /** Changes a unit's name, kind and grid (another, not retired, grid of its town); its establishments follow. */
    public PatrolUnit changeUnit(String id, String name, String kind, String gridId, CallerScope scope) {
        PatrolUnit.requireKind(kind);
        PatrolUnit unit = unit(id, scope);
        scope.requireWriteTown(unit.townId());
        RegionNode grid = nodes.findById(gridId == null ? unit.gridId() : gridId)
                .filter(g -> RegionNode.GRID.equals(g.level()) && g.townId().equals(unit.townId()) && !g.retired())
                .orElseThrow(() -> new InvalidInputException("gridId", "no grid " + gridId + " in town "
                        + unit.townId()));
        PatrolUnit changed = Saved.change(units, id, "patrol unit", u -> u.change(name.trim(), kind, grid,
                clock.instant())).value();
        if (!grid.id().equals(unit.gridId())) {
            place(changed);
        }
        return changed;
    }

    private void place(PatrolUnit unit) {
        publisher.publishEvent(new UnitPlaced(unit.id(), unit.townId(), unit.villageId(), unit.gridId()));
    }

    /** Retires a village (no current grid left in it) or a grid (no current unit left in it), else 409. */
    public RegionNode retireNode(String id, String level, CallerScope scope) {
        RegionNode node = node(id, level, scope);
        scope.requireWriteTown(node.townId());
        // one current child is enough to refuse: bounded reads (limit 1) instead of loading every child
        if (RegionNode.VILLAGE.equals(level) && !nodes.find(new Query(Criteria.where("level").is(RegionNode.GRID)
                .and("parentId").is(id).and("retiredAt").is(null)).limit(1)).isEmpty()) {
            throw new ConflictException("village " + id + " still has grids; move or retire them first",
                    "VILLAGE_HAS_GRIDS", List.of("PUT /api/v1/grids/{id}", "POST /api/v1/grids/{id}/retire"));
        }
        if (RegionNode.GRID.equals(level) && !units.find(new Query(Criteria.where("gridId").is(id)
                .and("retiredAt").is(null)).limit(1)).isEmpty()) {
            throw new ConflictException("grid " + id + " still has patrol units; move or retire them first",
                    "GRID_HAS_UNITS", List.of("PUT /api/v1/patrol-units/{id}",
                            "POST /api/v1/patrol-units/{id}/retire"));
        }
        return Saved.change(nodes, id, level.toLowerCase(), n -> n.retire(scope.caller().username(),
                clock.instant())).value();
    }

    /**
     * Retires a patrol unit. Its establishments must have been moved to other units first (G-1: nothing may end up
     * "in no unit"), and its inspectors unbound: else 409 naming the rule.
     */
    public PatrolUnit retireUnit(String id, CallerScope scope) {
        PatrolUnit unit = unit(id, scope);
        scope.requireWriteTown(unit.townId());
        // one active establishment is enough to refuse: a bounded read (limit 1), not a count of the whole unit;
        // a closed establishment stays where it was (its history) and is not patrolled, so it does not hold the unit
        Query held = new Query(Criteria.where("unitId").is(id).and("status").ne("CLOSED")).limit(1);
        held.fields().include("_id");
        Document establishment = mongo.findOne(held, Document.class, ESTABLISHMENTS);
        if (establishment != null) {
            throw new ConflictException("patrol unit " + id + " still holds establishments (e.g. "
                    + establishment.get("_id") + "); move them to other units first", "UNIT_HAS_ESTABLISHMENTS",
                    List.of("POST /api/v1/establishments/{id}/move"));
        }
        if (mongo.exists(new Query(Criteria.where("unitBindings").elemMatch(Criteria.where("unitId").is(id)
                .and("until").is(null))), INSPECTORS)) {
            throw new ConflictException("inspectors are still bound to patrol unit " + id + "; unbind them first",
                    "UNIT_HAS_INSPECTORS", List.of("DELETE /api/v1/inspectors/{id}/bindings/" + id));
        }
        return Saved.change(units, id, "patrol unit", u -> u.retire(scope.caller().username(), clock.instant()))
                .value();
    }

    public Saved<RegionNode> createTown(String id, String name, String kind, Integer safetyStaff, Integer fireStaff,
                                        CallerScope scope) {
        RegionNode town = RegionNode.town(id, name, kind, safetyStaff, fireStaff, clock.instant());
        if (!scope.caller().has(Roles.CITY_ADMIN)) {
            throw new ForbiddenException("only the city admin creates towns");
        }
        return insertOnce(town, "town");
    }

    public RegionNode changeStaffing(String townId, Integer safetyStaff, Integer fireStaff, CallerScope scope) {
        return Saved.change(nodes, townId, "town", town -> {
            requireVisible(townId, town, RegionNode.TOWN, scope);
            scope.requireWriteTown(town.townId());
            return town.changeStaffing(safetyStaff, fireStaff, clock.instant());
        }).value();
    }

    public Saved<RegionNode> createVillage(String id, String townId, String name, CallerScope scope) {
        RegionNode town = parent(townId, RegionNode.TOWN, "townId", scope);
        scope.requireWriteTown(town.townId());
        return insertOnce(RegionNode.village(id, name, town, clock.instant()), "village");
    }

    public Saved<RegionNode> createGrid(String id, String villageId, String name, CallerScope scope) {
        RegionNode village = parent(villageId, RegionNode.VILLAGE, "villageId", scope);
        scope.requireWriteTown(village.townId());
        return insertOnce(RegionNode.grid(id, name, village, clock.instant()), "grid");
    }

    public Saved<PatrolUnit> createUnit(String id, String gridId, String name, String kind, CallerScope scope) {
        PatrolUnit.requireKind(kind);
        RegionNode grid = parent(gridId, RegionNode.GRID, "gridId", scope);
        scope.requireWriteTown(grid.townId());
        PatrolUnit unit = PatrolUnit.create(id, name, kind, grid, clock.instant());
        return Saved.insertOnce(units, unit, unit::sameAs,
                () -> new ConflictException("patrol unit " + id + " exists with different content"));
    }

    public Saved<Department> createDepartment(String id, String name, Integer safetyStaff, CallerScope scope) {
        if (!scope.caller().has(Roles.CITY_ADMIN)) {
            throw new ForbiddenException("only the city admin registers departments");
        }
        Department department = new Department(id, name, safetyStaff);
        Optional<Department> existing = findDepartment(id);
        if (existing.isEmpty()) {
            try {
                return Saved.created(mongo.insert(department, RegionStorage.DEPARTMENTS));
            } catch (DuplicateKeyException concurrent) {
                existing = findDepartment(id);
            }
        }
        if (existing.isPresent() && existing.get().sameAs(department)) {
            return Saved.unchanged(existing.get());
        }
        throw new ConflictException("department " + id + " exists with different content");
    }

    /**
     * Sets a department's reported in-house safety staff count (the figure used while it names no people); the city
     * admin or the department's own officers. Departments publish no events: the staffing gaps read the figure.
     */
    public Department changeDepartmentStaffing(String id, Integer safetyStaff, CallerScope scope) {
        boolean own = scope.caller().has(Roles.DEPARTMENT_OFFICER) && id.equals(scope.caller().departmentId());
        Department department = findDepartment(id).orElseThrow(() -> new NotFoundException("department", id));
        if (!scope.caller().has(Roles.CITY_ADMIN) && !own) {
            throw new ForbiddenException("only the city admin and the department's officers report its staff");
        }
        if (java.util.Objects.equals(department.safetyStaff(), safetyStaff)) {
            return department;
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)),
                new org.springframework.data.mongodb.core.query.Update().set("safetyStaff", safetyStaff),
                RegionStorage.DEPARTMENTS);
        return new Department(id, department.name(), safetyStaff);
    }

    private Saved<RegionNode> insertOnce(RegionNode node, String what) {
        return Saved.insertOnce(nodes, node, node::sameAs,
                () -> new ConflictException(what + " " + node.id() + " exists with different content"));
    }

    private RegionNode parent(String id, String level, String field, CallerScope scope) {
        return nodes.findById(id).filter(node -> level.equals(node.level()) && scope.seesTown(node.townId())
                        && !node.retired())
                .orElseThrow(() -> new InvalidInputException(field, "no " + level.toLowerCase() + " " + id));
    }

    /** A node of the given level in the caller's scope, or 404. */
    public RegionNode node(String id, String level, CallerScope scope) {
        RegionNode node = nodes.findById(id).orElse(null);
        requireVisible(id, node, level, scope);
        return node;
    }

    private static void requireVisible(String id, RegionNode node, String level, CallerScope scope) {
        if (node == null || !level.equals(node.level()) || !scope.seesTown(node.townId())) {
            throw new NotFoundException(level.toLowerCase(), id);
        }
    }

    public PatrolUnit unit(String id, CallerScope scope) {
        return units.findById(id).filter(unit -> scope.seesTown(unit.townId()))
                .orElseThrow(() -> new NotFoundException("patrol unit", id));
    }

    /** A unit by id regardless of scope (for validation of references). */
    public Optional<PatrolUnit> findUnit(String id) {
        return units.findById(id);
    }

    public Optional<RegionNode> findTown(String id) {
        return nodes.findById(id).filter(node -> RegionNode.TOWN.equals(node.level()));
    }

    public Optional<Department> findDepartment(String id) {
        return Optional.ofNullable(id == null ? null : mongo.findById(id, Department.class, RegionStorage.DEPARTMENTS));
    }

    public List<RegionNode> allTowns() {
        return nodes.find(new Query(Criteria.where("level").is(RegionNode.TOWN)));
    }

    public List<PatrolUnit> unitsOfTown(String townId) {
        return units.find(new Query(Criteria.where("townId").is(townId)));
    }

    public List<Department> allDepartments() {
        return mongo.findAll(Department.class, RegionStorage.DEPARTMENTS);
    }

    /** Towns, villages or grids in the caller's scope, optionally of one parent or town. */
    public Page<RegionNode> nodes(String level, String parentId, String townId, CallerScope scope, PageQuery page) {
        Criteria criteria = Criteria.where("level").is(level);
        if (parentId != null) {
            criteria.and("parentId").is(parentId);
        }
        scope.restrictToTown(criteria, townId);
        return nodes.page(new Query(criteria), page.pageable());
    }

    public Page<PatrolUnit> units(String gridId, String townId, String kind, CallerScope scope, PageQuery page) {
        Criteria criteria = new Criteria();
        scope.restrictToTown(criteria, townId);
        if (kind != null) {
            criteria.and("kind").is(kind);
        }
        if (gridId != null) {
            criteria.and("gridId").is(gridId);
        }
        return units.page(new Query(criteria), page.pageable());
    }

    public Page<Department> departments(PageQuery page) {
        Query query = new Query().with(page.pageable());
        long total = mongo.count(new Query(), RegionStorage.DEPARTMENTS);
        return new PageImpl<>(mongo.find(query, Department.class, RegionStorage.DEPARTMENTS), page.pageable(), total);
    }
}
