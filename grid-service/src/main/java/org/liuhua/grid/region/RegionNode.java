package org.liuhua.grid.region;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.liuhua.events.grid.RegionChanged;
import org.liuhua.kit.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A node of the region tree below the city: a town (with its kind and its supervision staffing, G-7), a village or a
 * grid. Ids are chosen by the caller (the demo city's scheme). Every change records {@link RegionChanged}.
 */
@Document(collection = "regions")
public class RegionNode {

    public static final String TOWN = "TOWN";
    public static final String VILLAGE = "VILLAGE";
    public static final String GRID = "GRID";
    public static final List<String> TOWN_KINDS = List.of("TOWN", "SUBDISTRICT", "DEVELOPMENT_ZONE", "HIGH_TECH_ZONE",
            "PARK");

    @Id
    private String id;
    @Version
    private Long version;
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
    private List<OutboxEvent> outbox = new ArrayList<>();

    RegionNode() {
    }

    static RegionNode town(String id, String name, String kind, Integer safetyStaff, Integer fireStaff, Instant now) {
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

    static RegionNode village(String id, String name, RegionNode town, Instant now) {
        RegionNode node = new RegionNode();
        node.id = id;
        node.level = VILLAGE;
        node.name = name;
        node.parentId = town.id;
        node.townId = town.id;
        node.changed(now);
        return node;
    }

    static RegionNode grid(String id, String name, RegionNode village, Instant now) {
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
    boolean sameAs(RegionNode other) {
        return Objects.equals(level, other.level) && Objects.equals(kind, other.kind)
                && Objects.equals(name, other.name) && Objects.equals(parentId, other.parentId)
                && Objects.equals(safetyStaff, other.safetyStaff) && Objects.equals(fireStaff, other.fireStaff);
    }

    void changeStaffing(Integer safetyStaff, Integer fireStaff, Instant now) {
        if (!TOWN.equals(level)) {
            throw new IllegalStateException("only towns have staffing");
        }
        if (Objects.equals(this.safetyStaff, safetyStaff) && Objects.equals(this.fireStaff, fireStaff)) {
            return;
        }
        this.safetyStaff = safetyStaff;
        this.fireStaff = fireStaff;
        changed(now);
    }

    private void changed(Instant now) {
        revision++;
        changedAt = now;
        outbox.add(OutboxEvent.of(id, new RegionChanged(id, level, kind, name, parentId, townId, now, revision), now));
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
}
