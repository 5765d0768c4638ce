package org.liuhua.grid.region.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.liuhua.events.grid.PatrolUnitChanged;
import org.liuhua.events.grid.RegionRetired;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.InvalidInputException;

/** A patrol unit (巡查单元) of a grid: GENERAL (farming villages) or KEY (town centres, old market towns). */
public class PatrolUnit extends AggregateRoot {

    public static final List<String> KINDS = List.of("GENERAL", "KEY");

    private String id;
    private String name;
    private String kind;
    private String gridId;
    private String villageId;
    private String townId;
    private long revision;
    private Instant changedAt;
    private Instant retiredAt;

    PatrolUnit() {
    }

    /** Refuses a kind other than {@link #KINDS} (checked before the grid is looked up). */
    public static void requireKind(String kind) {
        if (!KINDS.contains(kind)) {
            throw new InvalidInputException("kind", "must be one of " + KINDS);
        }
    }

    public static PatrolUnit create(String id, String name, String kind, RegionNode grid, Instant now) {
        requireKind(kind);
        PatrolUnit unit = new PatrolUnit();
        unit.id = id;
        unit.name = name;
        unit.kind = kind;
        unit.gridId = grid.id();
        unit.villageId = grid.villageId();
        unit.townId = grid.townId();
        unit.revision = 1;
        unit.changedAt = now;
        unit.registerEvent(new PatrolUnitChanged(id, name, kind, unit.gridId, unit.villageId, unit.townId, now,
                unit.revision));
        return unit;
    }

    /**
     * Changes name, kind and grid (a grid of the same town, checked by the caller); registers
     * {@link PatrolUnitChanged} when anything differs. A retired unit: 409.
     */
    public boolean change(String newName, String newKind, RegionNode grid, Instant now) {
        requireKind(newKind);
        if (retiredAt != null) {
            throw new ConflictException("patrol unit " + id + " is retired", "RETIRED", List.of());
        }
        if (Objects.equals(name, newName) && Objects.equals(kind, newKind) && Objects.equals(gridId, grid.id())
                && Objects.equals(villageId, grid.villageId())) {
            return false;
        }
        name = newName;
        kind = newKind;
        gridId = grid.id();
        villageId = grid.villageId();
        revision++;
        changedAt = now;
        registerEvent(new PatrolUnitChanged(id, name, kind, gridId, villageId, townId, now, revision));
        return true;
    }

    /** Retires the unit (kept for the archive); the caller has checked that nothing is in it any more. */
    public boolean retire(String changedBy, Instant now) {
        if (retiredAt != null) {
            return false;
        }
        retiredAt = now;
        revision++;
        changedAt = now;
        registerEvent(new RegionRetired(id, "UNIT", townId, now, changedBy, revision));
        return true;
    }

    /** Same content as a unit made from a re-sent request. */
    public boolean sameAs(PatrolUnit other) {
        return Objects.equals(name, other.name) && Objects.equals(kind, other.kind)
                && Objects.equals(gridId, other.gridId);
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String name() { return name; }
    public String kind() { return kind; }
    public String gridId() { return gridId; }
    public String villageId() { return villageId; }
    public String townId() { return townId; }
    public long revision() { return revision; }
    public Instant changedAt() { return changedAt; }
    public Instant retiredAt() { return retiredAt; }
    public boolean retired() { return retiredAt != null; }
}
