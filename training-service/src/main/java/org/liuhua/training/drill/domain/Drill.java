package org.liuhua.training.drill.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.liuhua.events.training.DrillHeld;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;

/**
 * An emergency drill (T-7): type, day, participants, the tenants of a rental factory it covered, photo evidence. A
 * landlord's "厂中厂" drill counts for the half-year only when it covered every tenant it had that day; a tenant may
 * produce only after a drill covered it ("先演练、后生产").
 */
public class Drill extends AggregateRoot {

    public static final List<String> TYPES = List.of("EVACUATION", "FIRE", "HAZARDOUS_CHEMICAL_LEAK",
            "CONFINED_SPACE_RESCUE", "DUST_EXPLOSION", "GAS_LEAK", "FLOOD_TYPHOON", "OTHER");

    private String id;
    private String establishmentId;
    private String townId;
    private String type;
    private LocalDate heldOn;
    private String month;
    private int participants;
    private String scenario;
    private List<String> tenantsCovered = new ArrayList<>();
    private boolean allTenantsCovered;
    private List<String> uncoveredTenants = new ArrayList<>();
    private List<String> photos = new ArrayList<>();
    private Instant recordedAt;
    private String recordedBy;

    Drill() {
    }

    /** @param tenants the establishment's tenants on the day (from grid's landlord/tenant links) */
    public static Drill hold(String id, String establishmentId, String townId, String type, LocalDate heldOn,
                             Integer participants, String scenario, List<String> tenantsCovered, Set<String> tenants,
                             List<String> photos, Instant now, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        if (type == null || !TYPES.contains(type)) {
            problems.add(new FieldProblem("type", "is one of " + String.join(", ", TYPES)));
        }
        if (heldOn == null) {
            problems.add(new FieldProblem("heldOn", "is required"));
        }
        if (participants == null || participants < 1) {
            problems.add(new FieldProblem("participants", "at least 1"));
        }
        List<String> covered = tenantsCovered == null ? List.of() : tenantsCovered.stream().distinct().toList();
        List<String> strangers = covered.stream().filter(t -> !tenants.contains(t)).toList();
        if (!strangers.isEmpty()) {
            problems.add(new FieldProblem("tenantsCovered", "not tenants of " + establishmentId + ": "
                    + String.join(", ", strangers)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Drill d = new Drill();
        d.id = id;
        d.establishmentId = establishmentId;
        d.townId = townId;
        d.type = type;
        d.heldOn = heldOn;
        d.month = java.time.YearMonth.from(heldOn).toString();
        d.participants = participants;
        d.scenario = scenario;
        d.tenantsCovered = new ArrayList<>(covered);
        d.uncoveredTenants = new ArrayList<>(tenants.stream().filter(t -> !covered.contains(t)).sorted().toList());
        d.allTenantsCovered = d.uncoveredTenants.isEmpty();
        d.photos = photos == null ? new ArrayList<>() : new ArrayList<>(photos);
        d.recordedAt = now;
        d.recordedBy = by;
        d.registerEvent(new DrillHeld(id, establishmentId, townId, type, heldOn, d.month, participants,
                List.copyOf(covered), d.allTenantsCovered, now));
        return d;
    }

    /** Whether this drill covered an establishment: its own drill, or its landlord's drill listing it. */
    public boolean covers(String establishment) {
        return establishmentId.equals(establishment) || tenantsCovered.contains(establishment);
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String establishmentId() { return establishmentId; }
    public String townId() { return townId; }
    public String type() { return type; }
    public LocalDate heldOn() { return heldOn; }
    public String month() { return month; }
    public int participants() { return participants; }
    public String scenario() { return scenario; }
    public List<String> tenantsCovered() { return List.copyOf(tenantsCovered); }
    public boolean allTenantsCovered() { return allTenantsCovered; }
    public List<String> uncoveredTenants() { return List.copyOf(uncoveredTenants); }
    public List<String> photos() { return List.copyOf(photos); }
    public Instant recordedAt() { return recordedAt; }
}
