package org.liuhua.grid.region;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

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
import org.springframework.stereotype.Service;

/** The region tree (G-1): towns, villages, grids, patrol units, and the supervising departments. */
@Service
public class Regions {

    private final AggregateStore<RegionNode> nodes;
    private final AggregateStore<PatrolUnit> units;
    private final MongoTemplate mongo;
    private final Clock clock;

    Regions(AggregateStore<RegionNode> nodes, AggregateStore<PatrolUnit> units, MongoTemplate mongo, Clock clock) {
        this.nodes = nodes;
        this.units = units;
        this.mongo = mongo;
        this.clock = clock;
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

    private Saved<RegionNode> insertOnce(RegionNode node, String what) {
        return Saved.insertOnce(nodes, node, node::sameAs,
                () -> new ConflictException(what + " " + node.id() + " exists with different content"));
    }

    private RegionNode parent(String id, String level, String field, CallerScope scope) {
        return nodes.findById(id).filter(node -> level.equals(node.level()) && scope.seesTown(node.townId()))
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
