package org.liuhua.grid.inspector.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.liuhua.events.grid.InspectorBound;
import org.liuhua.events.grid.InspectorChanged;
import org.liuhua.events.grid.InspectorUnbound;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.InvalidInputException;

/**
 * A grid inspector (网格员/巡查员) of a town, FULL_TIME or PART_TIME, with the history of their unit bindings (kept for
 * ever). Binding and unbinding register {@link InspectorBound} / {@link InspectorUnbound}.
 */
public class Inspector extends AggregateRoot {

    public static final List<String> EMPLOYMENTS = List.of("FULL_TIME", "PART_TIME");

    private String id;
    private String name;
    private String employment;
    private String townId;
    private String phone;
    private Instant registeredAt;
    private Instant changedAt;
    private Instant retiredAt;
    private String retiredReason;
    private long revision;
    private List<UnitBinding> unitBindings = new ArrayList<>();

    Inspector() {
    }

    public static Inspector register(String id, String name, String employment, String townId, String phone,
                                     Instant now) {
        if (!EMPLOYMENTS.contains(employment)) {
            throw new InvalidInputException("employment", "must be one of " + EMPLOYMENTS);
        }
        Inspector inspector = new Inspector();
        inspector.id = id;
        inspector.name = name;
        inspector.employment = employment;
        inspector.townId = townId;
        inspector.phone = phone;
        inspector.registeredAt = now;
        inspector.changedAt = now;
        inspector.revision = 1;
        return inspector;
    }

    /** Same content as an inspector made from a re-sent request. */
    public boolean sameAs(Inspector other) {
        return Objects.equals(name, other.name) && Objects.equals(employment, other.employment)
                && Objects.equals(townId, other.townId) && Objects.equals(phone, other.phone);
    }

    /**
     * Changes name, employment and phone; registers {@link InspectorChanged} (no phone in it) when anything differs.
     * A retired inspector is not changed (409).
     */
    public boolean edit(String newName, String newEmployment, String newPhone, String changedBy, Instant now) {
        if (!EMPLOYMENTS.contains(newEmployment)) {
            throw new InvalidInputException("employment", "must be one of " + EMPLOYMENTS);
        }
        requireActive();
        if (Objects.equals(name, newName) && Objects.equals(employment, newEmployment)
                && Objects.equals(phone, newPhone)) {
            return false;
        }
        boolean published = !Objects.equals(name, newName) || !Objects.equals(employment, newEmployment);
        name = newName;
        employment = newEmployment;
        phone = newPhone;
        changedAt = now;
        revision++;
        if (published) {
            registerEvent(changed(changedBy));
        }
        return true;
    }

    /**
     * Retires the inspector from {@code at} (离岗): every current unit binding ends then (each registers
     * {@link InspectorUnbound}), the inspector can no longer be bound, and {@link InspectorChanged} carries
     * {@code retiredAt}. Already retired: no-op.
     */
    public boolean retire(Instant at, String reason, String changedBy, Instant now) {
        if (retiredAt != null) {
            return false;
        }
        for (String unitId : currentUnitIds()) {
            unbind(unitId, at, changedBy);
        }
        retiredAt = at;
        retiredReason = reason;
        changedAt = now;
        revision++;
        registerEvent(changed(changedBy));
        return true;
    }

    private InspectorChanged changed(String changedBy) {
        return new InspectorChanged(id, name, employment, townId, retiredAt, changedBy, changedAt, revision);
    }

    private void requireActive() {
        if (retiredAt != null) {
            throw new ConflictException("inspector " + id + " retired on " + retiredAt, "RETIRED",
                    List.of("register a new inspector"));
        }
    }

    /** Binds to a unit from {@code since}; already bound is a no-op (returns false); a retired inspector: 409. */
    public boolean bind(String unitId, Instant since, String changedBy) {
        requireActive();
        if (unitBindings.stream().anyMatch(b -> b.current() && b.unitId().equals(unitId))) {
            return false;
        }
        unitBindings.add(new UnitBinding(unitId, since, null, changedBy));
        registerEvent(new InspectorBound(id, name, employment, unitId, townId, since, changedBy));
        return true;
    }

    /** Ends the current binding to a unit; false when there is none. */
    public boolean unbind(String unitId, Instant at, String changedBy) {
        List<UnitBinding> updated = new ArrayList<>();
        boolean changed = false;
        for (UnitBinding b : unitBindings) {
            if (b.current() && b.unitId().equals(unitId)) {
                if (at.isBefore(b.since())) {
                    throw new ConflictException("the binding to " + unitId + " starts on " + b.since(), "BOUND",
                            List.of("unbind from a later date"));
                }
                updated.add(new UnitBinding(unitId, b.since(), at, b.changedBy()));
                registerEvent(new InspectorUnbound(id, unitId, townId, at, changedBy));
                changed = true;
            } else {
                updated.add(b);
            }
        }
        unitBindings = updated;
        return changed;
    }

    public List<String> currentUnitIds() {
        return unitBindings.stream().filter(UnitBinding::current).map(UnitBinding::unitId).distinct().toList();
    }

    public boolean boundAt(String unitId, Instant at) {
        return unitBindings.stream().anyMatch(b -> b.unitId().equals(unitId) && b.activeAt(at));
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String name() { return name; }
    public String employment() { return employment; }
    public String townId() { return townId; }
    public String phone() { return phone; }
    public Instant registeredAt() { return registeredAt; }
    public Instant changedAt() { return changedAt; }
    public Instant retiredAt() { return retiredAt; }
    public String retiredReason() { return retiredReason; }
    public long revision() { return revision; }
    public boolean retired() { return retiredAt != null; }
    public List<UnitBinding> unitBindings() { return List.copyOf(unitBindings); }
}
