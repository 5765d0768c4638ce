package org.liuhua.hazard.firm.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.liuhua.events.hazard.ContractAmended;
import org.liuhua.events.hazard.ContractExtended;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.InvalidInputException;

/**
 * A third-party firm's contract to inspect establishments during a validity period (H-7); managed by the city. It
 * covers establishments by id, whole towns and whole patrol units (an establishment is covered when it is named, or
 * when grid-service places it in a covered town or unit). It can be extended (a later end date) and amended (what it
 * covers, with a reason); every change is kept in {@code changes} and published.
 */
public class Contract extends AggregateRoot {

    private String id;
    private String firmId;
    private List<String> establishmentIds = new ArrayList<>();
    private List<String> townIds = new ArrayList<>();
    private List<String> unitIds = new ArrayList<>();
    private LocalDate validFrom;
    private LocalDate validTo;
    private String createdBy;
    private Instant createdAt;
    private Instant terminatedAt;
    private List<Change> changes = new ArrayList<>();

    /** One extension or amendment: what it was before and after, why, who, when. */
    public record Change(String kind, String reason, String by, Instant at, LocalDate previousValidTo,
                         LocalDate validTo, List<String> previousEstablishmentIds, List<String> previousTownIds,
                         List<String> previousUnitIds) {
    }

    protected Contract() {
    }

    public static Contract create(String id, String firmId, List<String> establishmentIds, List<String> townIds,
                                  List<String> unitIds, LocalDate validFrom, LocalDate validTo, String createdBy,
                                  Instant now) {
        if (validTo.isBefore(validFrom)) {
            throw new InvalidInputException("validTo", "must not be before validFrom");
        }
        Contract c = new Contract();
        c.id = id;
        c.firmId = firmId;
        c.establishmentIds = distinct(establishmentIds);
        c.townIds = distinct(townIds);
        c.unitIds = distinct(unitIds);
        c.checkCoversSomething("establishmentIds");
        c.validFrom = validFrom;
        c.validTo = validTo;
        c.createdBy = createdBy;
        c.createdAt = now;
        return c;
    }

    /** A later end date (an earlier or equal one → 400 {@code validTo}; a terminated contract → 409). */
    public void extend(LocalDate newValidTo, String reason, String by, Instant now) {
        checkOpen("extend");
        if (!newValidTo.isAfter(validTo)) {
            throw new InvalidInputException("validTo", "must be later than the current end " + validTo);
        }
        changes.add(new Change("EXTENDED", reason, by, now, validTo, newValidTo, null, null, null));
        LocalDate previous = validTo;
        validTo = newValidTo;
        registerEvent(new ContractExtended(id, firmId, previous, newValidTo, reason, by, now));
    }

    /** What the contract covers from now on (each list whole); the reason is required by the caller's validation. */
    public void amend(List<String> newEstablishmentIds, List<String> newTownIds, List<String> newUnitIds,
                      String reason, String by, Instant now) {
        checkOpen("amend");
        List<String> previousEstablishments = List.copyOf(establishmentIds);
        List<String> previousTowns = List.copyOf(townIds);
        List<String> previousUnits = List.copyOf(unitIds);
        establishmentIds = distinct(newEstablishmentIds);
        townIds = distinct(newTownIds);
        unitIds = distinct(newUnitIds);
        checkCoversSomething("establishmentIds");
        changes.add(new Change("AMENDED", reason, by, now, null, null, previousEstablishments, previousTowns,
                previousUnits));
        registerEvent(new ContractAmended(id, firmId, establishmentIds, townIds, unitIds, reason, by, now));
    }

    public void terminate(Instant now) {
        if (terminatedAt == null) {
            terminatedAt = now;
        }
    }

    public boolean validOn(LocalDate day) {
        return terminatedAt == null && !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    /** Whether the contract covers an establishment in this town and unit (either may be unknown: null). */
    public boolean covers(String establishmentId, String townId, String unitId) {
        return establishmentIds.contains(establishmentId) || (townId != null && townIds.contains(townId))
                || (unitId != null && unitIds.contains(unitId));
    }

    private void checkCoversSomething(String field) {
        if (establishmentIds.isEmpty() && townIds.isEmpty() && unitIds.isEmpty()) {
            throw new InvalidInputException(field, "a contract covers at least one establishment, town or unit");
        }
    }

    private void checkOpen(String command) {
        if (terminatedAt != null) {
            throw new ConflictException("the contract was terminated; it cannot " + command, null, List.of());
        }
    }

    private static List<String> distinct(List<String> ids) {
        return ids == null ? new ArrayList<>() : new ArrayList<>(ids.stream().map(String::strip).distinct().toList());
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String firmId() { return firmId; }
    public List<String> establishmentIds() { return List.copyOf(establishmentIds); }
    public List<String> townIds() { return townIds == null ? List.of() : List.copyOf(townIds); }
    public List<String> unitIds() { return unitIds == null ? List.of() : List.copyOf(unitIds); }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validTo() { return validTo; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant terminatedAt() { return terminatedAt; }
    public List<Change> changes() { return changes == null ? List.of() : List.copyOf(changes); }
}
