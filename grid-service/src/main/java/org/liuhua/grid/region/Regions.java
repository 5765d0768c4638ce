package org.liuhua.grid.region;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.liuhua.grid.Saved;
import org.liuhua.grid.scope.CallerScope;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The region tree (G-1): towns, villages, grids, patrol units, and the supervising departments. */
@Service
public class Regions {

    private final MongoTemplate mongo;
    private final Clock clock;

    Regions(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Saved<RegionNode> createTown(String id, String name, String kind, Integer safetyStaff, Integer fireStaff,
                                        CallerScope scope) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!RegionNode.TOWN_KINDS.contains(kind)) {
            problems.add(new FieldProblem("kind", "must be one of " + RegionNode.TOWN_KINDS));
        }
        if (safetyStaff != null && safetyStaff < 0) {
            problems.add(new FieldProblem("safetyStaff", "must not be negative"));
        }
        if (fireStaff != null && fireStaff < 0) {
            problems.add(new FieldProblem("fireStaff", "must not be negative"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!scope.caller().has(org.liuhua.kit.security.Roles.CITY_ADMIN)) {
            throw new org.liuhua.kit.domain.ForbiddenException("only the city admin creates towns");
        }
        return saveNew(RegionNode.town(id, name, kind, safetyStaff, fireStaff, clock.instant()), "town");
    }

    public RegionNode changeStaffing(String townId, Integer safetyStaff, Integer fireStaff, CallerScope scope) {
        RegionNode town = node(townId, RegionNode.TOWN, scope);
        scope.requireWriteTown(town.townId());
        town.changeStaffing(safetyStaff, fireStaff, clock.instant());
        return mongo.save(town);
    }

    public Saved<RegionNode> createVillage(String id, String townId, String name, CallerScope scope) {
        RegionNode town = parent(townId, RegionNode.TOWN, "townId", scope);
        scope.requireWriteTown(town.townId());
        return saveNew(RegionNode.village(id, name, town, clock.instant()), "village");
    }

    public Saved<RegionNode> createGrid(String id, String villageId, String name, CallerScope scope) {
        RegionNode village = parent(villageId, RegionNode.VILLAGE, "villageId", scope);
        scope.requireWriteTown(village.townId());
        return saveNew(RegionNode.grid(id, name, village, clock.instant()), "grid");
    }

    public Saved<PatrolUnit> createUnit(String id, String gridId, String name, String kind, CallerScope scope) {
        if (!PatrolUnit.KINDS.contains(kind)) {
            throw new InvalidInputException("kind", "must be one of " + PatrolUnit.KINDS);
        }
        RegionNode grid = parent(gridId, RegionNode.GRID, "gridId", scope);
        scope.requireWriteTown(grid.townId());
        PatrolUnit unit = PatrolUnit.create(id, name, kind, grid, clock.instant());
        PatrolUnit existing = mongo.findById(id, PatrolUnit.class);
        if (existing != null) {
            if (existing.sameAs(unit)) {
                return Saved.unchanged(existing);
            }
            throw new ConflictException("patrol unit " + id + " exists with different content");
        }
        return Saved.created(mongo.insert(unit));
    }

    public Saved<Department> createDepartment(String id, String name, Integer safetyStaff, CallerScope scope) {
        if (!scope.caller().has(org.liuhua.kit.security.Roles.CITY_ADMIN)) {
            throw new org.liuhua.kit.domain.ForbiddenException("only the city admin registers departments");
        }
        Department department = new Department(id, name, safetyStaff);
        Department existing = mongo.findById(id, Department.class);
        if (existing != null) {
            if (existing.sameAs(department)) {
                return Saved.unchanged(existing);
            }
            throw new ConflictException("department " + id + " exists with different content");
        }
        return Saved.created(mongo.insert(department));
    }

    private Saved<RegionNode> saveNew(RegionNode node, String what) {
        RegionNode existing = mongo.findById(node.id(), RegionNode.class);
        if (existing != null) {
            if (existing.sameAs(node)) {
                return Saved.unchanged(existing);
            }
            throw new ConflictException(what + " " + node.id() + " exists with different content");
        }
        return Saved.created(mongo.insert(node));
    }

    private RegionNode parent(String id, String level, String field, CallerScope scope) {
        RegionNode node = id == null ? null : mongo.findById(id, RegionNode.class);
        if (node == null || !level.equals(node.level()) || !scope.seesTown(node.townId())) {
            throw new InvalidInputException(field, "no " + level.toLowerCase() + " " + id);
        }
        return node;
    }

    /** A node of the given level in the caller's scope, or 404. */
    public RegionNode node(String id, String level, CallerScope scope) {
        RegionNode node = mongo.findById(id, RegionNode.class);
        if (node == null || !level.equals(node.level()) || !scope.seesTown(node.townId())) {
            throw new NotFoundException(level.toLowerCase(), id);
        }
        return node;
    }

    public PatrolUnit unit(String id, CallerScope scope) {
        PatrolUnit unit = mongo.findById(id, PatrolUnit.class);
        if (unit == null || !scope.seesTown(unit.townId())) {
            throw new NotFoundException("patrol unit", id);
        }
        return unit;
    }

    /** A unit by id regardless of scope (for validation of references). */
    public Optional<PatrolUnit> findUnit(String id) {
        return Optional.ofNullable(id == null ? null : mongo.findById(id, PatrolUnit.class));
    }

    public Optional<RegionNode> findTown(String id) {
        RegionNode node = id == null ? null : mongo.findById(id, RegionNode.class);
        return Optional.ofNullable(node != null && RegionNode.TOWN.equals(node.level()) ? node : null);
    }

    public Optional<Department> findDepartment(String id) {
        return Optional.ofNullable(id == null ? null : mongo.findById(id, Department.class));
    }

    public List<RegionNode> allTowns() {
        return mongo.find(new Query(Criteria.where("level").is(RegionNode.TOWN)), RegionNode.class);
    }

    public List<PatrolUnit> unitsOfTown(String townId) {
        return mongo.find(new Query(Criteria.where("townId").is(townId)), PatrolUnit.class);
    }

    public List<Department> allDepartments() {
        return mongo.findAll(Department.class);
    }

    public Page<RegionNode> nodes(String level, String parentId, String townId, CallerScope scope,
                                  Pageable pageable) {
        Criteria criteria = Criteria.where("level").is(level);
        if (parentId != null) {
            criteria.and("parentId").is(parentId);
        }
        String filter = scope.townFilter();
        if (filter != null) {
            criteria.and("townId").is(townId != null && !townId.equals(filter) ? "\u0000none" : filter);
        } else if (townId != null) {
            criteria.and("townId").is(townId);
        }
        return page(new Query(criteria), pageable, RegionNode.class);
    }

    public Page<PatrolUnit> units(String gridId, String townId, String kind, CallerScope scope, Pageable pageable) {
        Criteria criteria = new Criteria();
        if (gridId != null) {
            criteria.and("gridId").is(gridId);
        }
        if (kind != null) {
            criteria.and("kind").is(kind);
        }
        String filter = scope.townFilter();
        if (filter != null) {
            criteria.and("townId").is(townId != null && !townId.equals(filter) ? "\u0000none" : filter);
        } else if (townId != null) {
            criteria.and("townId").is(townId);
        }
        return page(new Query(criteria), pageable, PatrolUnit.class);
    }

    public Page<Department> departments(Pageable pageable) {
        return page(new Query(), pageable, Department.class);
    }

    private <T> Page<T> page(Query query, Pageable pageable, Class<T> type) {
        return org.liuhua.grid.Pages.page(mongo, query, pageable, type);
    }
}
