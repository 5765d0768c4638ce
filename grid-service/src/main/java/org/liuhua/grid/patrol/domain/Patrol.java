package org.liuhua.grid.patrol.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.liuhua.events.grid.PatrolCompleted;
import org.liuhua.events.grid.PatrolFindingCorrected;
import org.liuhua.events.grid.PatrolFindingRecorded;
import org.liuhua.events.grid.PatrolFindingWithdrawn;
import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;

/**
 * A patrol of an inspector in a unit (G-5), offline-first: every id is chosen by the phone, so re-sending the patrol,
 * a check-in or a finding changes nothing. Device times drive plans and coverage; server times are kept beside them.
 * A finding registers {@link PatrolFindingRecorded} (keyed by {@link #findingKey patrol and finding}), completion
 * {@link PatrolCompleted}.
 */
public class Patrol extends AggregateRoot {

    public static final List<String> SEVERITIES = List.of("GENERAL", "MAJOR");

    private String id;
    private String inspectorId;
    private String unitId;
    private String townId;
    private Instant startedAt;
    private Instant receivedAt;
    private Instant completedAt;
    private Instant completionReceivedAt;
    private List<CheckIn> checkIns = new ArrayList<>();
    private List<Finding> findings = new ArrayList<>();

    Patrol() {
    }

    public static Patrol start(String id, String inspectorId, String unitId, String townId, Instant startedAt,
                               Instant now) {
        Patrol patrol = new Patrol();
        patrol.id = id;
        patrol.inspectorId = inspectorId;
        patrol.unitId = unitId;
        patrol.townId = townId;
        patrol.startedAt = startedAt;
        patrol.receivedAt = now;
        return patrol;
    }

    public boolean sameStart(String inspectorId, String unitId, Instant startedAt) {
        return Objects.equals(this.inspectorId, inspectorId) && Objects.equals(this.unitId, unitId)
                && Objects.equals(this.startedAt, startedAt);
    }

    /** Adds a check-in; the same check-in id again is a no-op (false). */
    public boolean checkIn(CheckIn checkIn) {
        for (CheckIn existing : checkIns) {
            if (existing.checkInId().equals(checkIn.checkInId())) {
                if (!existing.establishmentId().equals(checkIn.establishmentId())
                        || !existing.deviceTime().equals(checkIn.deviceTime())) {
                    throw new ConflictException("check-in " + checkIn.checkInId() + " exists with different content");
                }
                return false;
            }
        }
        requireOpen("check in");
        checkIns.add(checkIn);
        return true;
    }

    /** Records a finding and its event; the same finding id again is a no-op (false). */
    public boolean record(Finding finding, Instant now) {
        for (Finding existing : findings) {
            if (existing.findingId().equals(finding.findingId())) {
                if (existing.correctedAt() != null || existing.withdrawn()) {
                    // the phone re-sends what it recorded; the correction or withdrawal stands
                    return false;
                }
                if (!existing.establishmentId().equals(finding.establishmentId())
                        || !Objects.equals(existing.description(), finding.description())) {
                    throw new ConflictException("finding " + finding.findingId() + " exists with different content");
                }
                return false;
            }
        }
        requireOpen("record a finding");
        findings.add(finding);
        registerEvent(new PatrolFindingRecorded(finding.findingId(), id, inspectorId, finding.establishmentId(), townId,
                finding.category(), finding.severity(), finding.description(), finding.checklistItemId(),
                finding.deviceTime(), now, finding.photoIds()), findingKey(id, finding.findingId()));
        return true;
    }

    /**
     * Corrects a finding's category, severity, description and checklist item (not its establishment or time),
     * registering {@link PatrolFindingCorrected}; the same content again is a no-op (false). The caller has checked
     * that the finding has not become a hazard. A withdrawn finding: 409.
     */
    public boolean correct(String findingId, String category, String severity, String description,
                           String checklistItemId, String correctedBy, Instant now) {
        if (!SEVERITIES.contains(severity)) {
            throw new InvalidInputException("severity", "must be one of " + SEVERITIES);
        }
        int index = indexOf(findingId);
        Finding existing = findings.get(index);
        if (existing.withdrawn()) {
            throw new ConflictException("finding " + findingId + " was withdrawn", "WITHDRAWN", List.of());
        }
        if (Objects.equals(existing.category(), category) && Objects.equals(existing.severity(), severity)
                && Objects.equals(existing.description(), description)
                && Objects.equals(existing.checklistItemId(), checklistItemId)) {
            return false;
        }
        Finding corrected = existing.corrected(category, severity, description, checklistItemId, now);
        findings.set(index, corrected);
        registerEvent(new PatrolFindingCorrected(findingId, id, inspectorId, corrected.establishmentId(), townId,
                category, severity, description, checklistItemId, corrected.deviceTime(), correctedBy, now),
                findingKey(id, findingId));
        return true;
    }

    /**
     * Withdraws a finding recorded by mistake (kept, marked, no longer counted), registering
     * {@link PatrolFindingWithdrawn}; withdrawn already: no-op (false).
     */
    public boolean withdraw(String findingId, String reason, String withdrawnBy, Instant now) {
        int index = indexOf(findingId);
        Finding existing = findings.get(index);
        if (existing.withdrawn()) {
            return false;
        }
        findings.set(index, existing.withdrawnAt(now, reason));
        registerEvent(new PatrolFindingWithdrawn(findingId, id, inspectorId, existing.establishmentId(), townId,
                reason, withdrawnBy, now), findingKey(id, findingId));
        return true;
    }

    private int indexOf(String findingId) {
        for (int i = 0; i < findings.size(); i++) {
            if (findings.get(i).findingId().equals(findingId)) {
                return i;
            }
        }
        throw new NotFoundException("finding " + findingId + " of patrol", id);
    }

    /** The findings that count (not withdrawn). */
    public List<Finding> activeFindings() {
        return findings.stream().filter(f -> !f.withdrawn()).toList();
    }

    /**
     * What identifies a finding city-wide: finding ids are chosen by the app and unique only within their patrol, and
     * patrol ids are unique and hold no ':' (so the key cannot be read two ways). The key of its event, and the
     * source reference hazard-service keeps for the hazard it becomes.
     */
    public static String findingKey(String patrolId, String findingId) {
        return patrolId + ":" + findingId;
    }

    /** Completes the patrol; completing again is a no-op (false). */
    public boolean complete(Instant deviceTime, Instant now) {
        if (completedAt != null) {
            return false;
        }
        if (deviceTime.isBefore(startedAt)) {
            throw new InvalidInputException("deviceTime", "is before the patrol started");
        }
        completedAt = deviceTime;
        completionReceivedAt = now;
        registerEvent(new PatrolCompleted(id, inspectorId, unitId, townId, startedAt, completedAt,
                provenEstablishmentIds(), unprovenEstablishmentIds(), activeFindings().size()));
        return true;
    }

    private void requireOpen(String action) {
        if (completedAt != null) {
            throw new ConflictException("patrol " + id + " is completed; cannot " + action, "COMPLETED", List.of());
        }
    }

    public List<String> provenEstablishmentIds() {
        return checkIns.stream().filter(CheckIn::proven).map(CheckIn::establishmentId).distinct().toList();
    }

    public List<String> unprovenEstablishmentIds() {
        Set<String> proven = Set.copyOf(provenEstablishmentIds());
        Set<String> unproven = new LinkedHashSet<>();
        checkIns.stream().filter(c -> !c.proven() && !proven.contains(c.establishmentId()))
                .forEach(c -> unproven.add(c.establishmentId()));
        return List.copyOf(unproven);
    }

    /** The check-in of this id, which must exist. */
    public CheckIn checkIn(String checkInId) {
        return checkIns.stream().filter(c -> c.checkInId().equals(checkInId)).findFirst().orElseThrow();
    }

    /** The finding of this id, which must exist. */
    public Finding finding(String findingId) {
        return findings.stream().filter(f -> f.findingId().equals(findingId)).findFirst().orElseThrow();
    }

    /** The finding of this id, or the exception {@code missing}. */
    public Finding finding(String findingId, java.util.function.Supplier<? extends RuntimeException> missing) {
        return findings.stream().filter(f -> f.findingId().equals(findingId)).findFirst().orElseThrow(missing);
    }

    public String state() {
        return completedAt == null ? "OPEN" : "COMPLETED";
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public String id() { return id; }
    public String inspectorId() { return inspectorId; }
    public String unitId() { return unitId; }
    public String townId() { return townId; }
    public Instant startedAt() { return startedAt; }
    public Instant receivedAt() { return receivedAt; }
    public Instant completedAt() { return completedAt; }
    public Instant completionReceivedAt() { return completionReceivedAt; }
    public List<CheckIn> checkIns() { return List.copyOf(checkIns); }
    public List<Finding> findings() { return List.copyOf(findings); }
}
