package org.liuhua.grid.region.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.liuhua.events.grid.RegionChanged;
import org.liuhua.events.grid.RegionRetired;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;

/**
 * A node of the region tree below the city: a town (with its kind and its supervision staffing, G-7), a village or a
 * grid. Ids are chosen by the caller (the demo city's scheme). Every change registers {@link RegionChanged}.
 */
public class RegionNode extends AggregateRoot {

    public static final String TOWN = "TOWN";
    public static final String VILLAGE = "VILLAGE";
    public static final String GRID = "GRID";
    public static final List<String> TOWN_KINDS = List.of("TOWN", "SUBDISTRICT", "DEVELOPMENT_ZONE", "HIGH_TECH_ZONE",
            "PARK");

    private String id;
    private String level;
    private String kind;
    private String name;
    private String parentId;
    private String townId;
    private String villageId;
    private Integer safetyStaff;
    private Integer fireStaff;
    private long revision;
    private Instant changedAt;
    private Instant retiredAt;

    RegionNode() {
    }

    /** A new town; its kind must be one of {@link #TOWN_KINDS} and its staffing numbers not negative. */
    public static RegionNode town(String id, String name, String kind, Integer safetyStaff, Integer fireStaff,
                                  Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!TOWN_KINDS.contains(kind)) {
            problems.add(new FieldProblem("kind", "must be one of " + TOWN_KINDS));
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
        RegionNode node = new RegionNode();
        node.id = id;
        node.level = TOWN;
        node.kind = kind;
        node.name = name;
        node.parentId = null;
        node.townId = id;
        node.safetyStaff = safetyStaff;
        node.fireStaff = fireStaff;
        node.changed(now);
        return node;
    }

    public static RegionNode village(String id, String name, RegionNode town, Instant now) {
        RegionNode node = new RegionNode();
        node.id = id;
        node.level = VILLAGE;
        node.name = name;
        node.parentId = town.id;
        node.townId = town.id;
        node.changed(now);
        return node;
    }

    public static RegionNode grid(String id, String name, RegionNode village, Instant now) {
        RegionNode node = new RegionNode();
        node.id = id;
        node.level = GRID;
        node.name = name;
        node.parentId = village.id;
        node.townId = village.townId;
        node.villageId = village.id;
        node.changed(now);
        return node;
    }

    /** Same content as another node made from a re-sent request (ignores revision and times). */
    public boolean sameAs(RegionNode other) {
        return Objects.equals(level, other.level) && Objects.equals(kind, other.kind)
                && Objects.equals(name, other.name) && Objects.equals(parentId, other.parentId)
                && Objects.equals(safetyStaff, other.safetyStaff) && Objects.equals(fireStaff, other.fireStaff);
    }

    /** Sets a town's staffing; the same numbers again change nothing (false). */
    public boolean changeStaffing(Integer safetyStaff, Integer fireStaff, Instant now) {
        if (!TOWN.equals(level)) {
            throw new ConflictException("only towns have staffing", level, List.of());
        }
        if (Objects.equals(this.safetyStaff, safetyStaff) && Objects.equals(this.fireStaff, fireStaff)) {
            return false;
        }
        this.safetyStaff = safetyStaff;
        this.fireStaff = fireStaff;
        changed(now);
        return true;
    }

    /** Renames a village or grid; the same name again changes nothing (false). A retired node: 409. */
    public boolean rename(String newName, Instant now) {
        requireActive();
        if (Objects.equals(name, newName)) {
            return false;
        }
        name = newName;
        changed(now);
        return true;
    }

    /**
     * Moves a grid to another village of the same town (the caller has checked both); the same village again
     * changes nothing (false).
     */
    public boolean moveTo(RegionNode village, Instant now) {
        requireActive();
        if (!GRID.equals(level)) {
            throw new ConflictException("only grids move between villages", level, List.of());
        }
        if (Objects.equals(parentId, village.id)) {
            return false;
        }
        parentId = village.id;
        villageId = village.id;
        changed(now);
        return true;
    }

    /** Retires a village or grid (kept for the archive); the caller has checked it holds nothing current. */
    public boolean retire(String changedBy, Instant now) {
        if (retiredAt != null) {
            return false;
        }
        retiredAt = now;
        revision++;
        changedAt = now;
        registerEvent(new RegionRetired(id, level, townId, now, changedBy, revision));
        return true;
    }

    private void requireActive() {
        if (retiredAt != null) {
            throw new ConflictException(level.toLowerCase() + " " + id + " is retired", "RETIRED", List.of());
        }
    }

    private void changed(Instant now) {
        revision++;
        changedAt = now;
        registerEvent(new RegionChanged(id, level, kind, name, parentId, townId, now, revision));
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String level() { return level; }
    public String kind() { return kind; }
    public String name() { return name; }
    public String parentId() { return parentId; }
    public String townId() { return townId; }
    public String villageId() { return villageId; }
    public Integer safetyStaff() { return safetyStaff; }
    public Integer fireStaff() { return fireStaff; }
    public long revision() { return revision; }
    public Instant changedAt() { return changedAt; }
    public Instant retiredAt() { return retiredAt; }
    public boolean retired() { return retiredAt != null; }
}
