package org.liuhua.grid.region;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.liuhua.events.grid.PatrolUnitChanged;
import org.liuhua.kit.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A patrol unit (巡查单元) of a grid: GENERAL (farming villages) or KEY (town centres, old market towns). */
@Document(collection = "patrol_units")
public class PatrolUnit {

    public static final List<String> KINDS = List.of("GENERAL", "KEY");

    @Id
    private String id;
    @Version
    private Long version;
    private String name;
    private String kind;
    private String gridId;
    private String villageId;
    private String townId;
    private long revision;
    private Instant changedAt;
    private List<OutboxEvent> outbox = new ArrayList<>();

    PatrolUnit() {
    }

    static PatrolUnit create(String id, String name, String kind, RegionNode grid, Instant now) {
        PatrolUnit unit = new PatrolUnit();
        unit.id = id;
        unit.name = name;
        unit.kind = kind;
        unit.gridId = grid.id();
        unit.villageId = grid.villageId();
        unit.townId = grid.townId();
        unit.revision = 1;
        unit.changedAt = now;
        unit.outbox.add(OutboxEvent.of(id, new PatrolUnitChanged(id, name, kind, unit.gridId, unit.villageId,
                unit.townId, now, unit.revision), now));
        return unit;
    }

    boolean sameAs(PatrolUnit other) {
        return Objects.equals(name, other.name) && Objects.equals(kind, other.kind)
                && Objects.equals(gridId, other.gridId);
    }

    public String id() { return id; }
    public String name() { return name; }
    public String kind() { return kind; }
    public String gridId() { return gridId; }
    public String villageId() { return villageId; }
    public String townId() { return townId; }
    public long revision() { return revision; }
}
