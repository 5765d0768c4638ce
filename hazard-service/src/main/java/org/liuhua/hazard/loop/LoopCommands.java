package org.liuhua.hazard.loop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.liuhua.hazard.HazardProperties;
import org.liuhua.hazard.access.AccessPolicy;
import org.liuhua.hazard.firm.FirmQuality;
import org.liuhua.hazard.loop.domain.Actor;
import org.liuhua.hazard.loop.domain.EnforcementKind;
import org.liuhua.hazard.loop.domain.Hazard;
import org.liuhua.hazard.loop.domain.Rectification;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.stereotype.Service;

/**
 * The commands of the loop (移交、报到、整改、复核、查处、督办、销号, evidence): each one checks that the hazard is in the
 * caller's scope (else 404), lets the {@link AccessPolicy policy} and the aggregate decide, and writes through the
 * {@link HazardStore}. A command that meets a concurrent write is applied again to the fresh hazard ({@code change}),
 * where it either succeeds or meets the rule the other write made true (409): no command overwrites another's change
 * or loses its event.
 */
@Service
public class LoopCommands {

    private final HazardStore store;
    private final HazardQueries queries;
    private final AccessPolicy policy;
    private final HazardProperties properties;
    private final CityCalendar calendar;
    private final FirmQuality firmQuality;
    private final Deadlines deadlines;

    LoopCommands(HazardStore store, HazardQueries queries, AccessPolicy policy, HazardProperties properties,
                 CityCalendar calendar, FirmQuality firmQuality, Deadlines deadlines) {
        this.deadlines = deadlines;
        this.store = store;
        this.queries = queries;
        this.policy = policy;
        this.properties = properties;
        this.calendar = calendar;
        this.firmQuality = firmQuality;
    }

    /**
     * Transfers the hazard; a department must be one of the city's supervising departments (else 400 naming
     * {@code departmentId}, the hazard unchanged).
     */
    public Hazard transfer(String id, boolean toEstablishment, String departmentId, String note, Caller caller) {
        if (departmentId != null && !properties.departments().contains(departmentId)) {
            throw new InvalidInputException("departmentId", "not a supervising department of this city: "
                    + departmentId);
        }
        Actor actor = Actors.of(caller);
        return apply(id, caller, h -> h.transfer(toEstablishment, departmentId, note, actor, calendar.now(),
                properties.acknowledgeWithin()));
    }

    public Hazard acknowledge(String id, String note, Caller caller) {
        Actor actor = Actors.of(caller);
        return apply(id, caller, h -> {
            policy.checkAcknowledge(caller, h.transferredDepartmentId());
            h.acknowledge(note, actor, calendar.now());
        });
    }

    /** The department transferred to (or the city) refuses the transfer with a reason: back to the town. */
    public Hazard refuseTransfer(String id, String reason, Caller caller) {
        Actor actor = Actors.of(caller);
        return apply(id, caller, h -> {
            policy.checkAcknowledge(caller, h.transferredDepartmentId());
            h.refuseTransfer(reason, actor, calendar.now());
        });
    }

    /** The department transferred to (or the city) re-routes the transfer to another supervising department. */
    public Hazard rerouteTransfer(String id, String departmentId, String reason, Caller caller) {
        if (departmentId != null && !properties.departments().contains(departmentId)) {
            throw new InvalidInputException("departmentId", "not a supervising department of this city: "
                    + departmentId);
        }
        Actor actor = Actors.of(caller);
        return apply(id, caller, h -> {
            policy.checkAcknowledge(caller, h.transferredDepartmentId());
            h.rerouteTransfer(departmentId, reason, actor, calendar.now(), properties.acknowledgeWithin());
        });
    }

    public Hazard rectify(String id, Rectification r, String note, List<String> evidenceIds, Caller caller) {
        deadlines.checkPlanned("deadline", r.deadline());
        Actor actor = Actors.of(caller);
        return apply(id, caller, h -> {
            checkEvidence(h, evidenceIds);
            h.rectify(r, note, evidenceIds, actor, calendar.now());
        });
    }

    public Hazard review(String id, boolean passed, String note, List<String> evidenceIds, Caller caller) {
        Actor actor = Actors.of(caller);
        Hazard reviewed = apply(id, caller, h -> {
            checkEvidence(h, evidenceIds);
            h.review(passed, note, evidenceIds, actor, calendar.now());
        });
        if (!passed && reviewed.firmId() != null) {
            firmQuality.rejectedAtReview(reviewed.firmId());
        }
        return reviewed;
    }

    public Hazard enforce(String id, EnforcementKind kind, String caseNumber, BigDecimal penalty, String note,
                          Caller caller) {
        Actor actor = Actors.of(caller);
        return apply(id, caller, h -> h.enforce(kind, caseNumber, penalty, note, actor, calendar.now()));
    }

    /** Raises a general hazard to major with the reason (it joins the major register and its rules). */
    public Hazard raiseSeverity(String id, String reason, Caller caller) {
        Actor actor = Actors.of(caller);
        return apply(id, caller, h -> h.raiseSeverity(reason, actor, calendar.now()));
    }

    public Hazard orderSupervision(String id, String orderNumber, String note, Caller caller) {
        Actor actor = Actors.of(caller);
        return apply(id, caller, h -> h.orderSupervision(orderNumber, note, actor, calendar.now()));
    }

    public Hazard signOff(String id, String note, Caller caller) {
        Actor actor = Actors.of(caller);
        return apply(id, caller, h -> h.signOff(policy.signOffDepartment(caller, h.supervisingDepartment()), note,
                actor, calendar.now()));
    }

    public Hazard close(String id, String note, Caller caller) {
        Actor actor = Actors.of(caller);
        return apply(id, caller, h -> h.close(note, properties.afterPhotoRequired(h.severity(), h.category()), actor,
                calendar.now()));
    }

    /** Attaches stored evidence (the evidence feature calls this after GridFS accepted the bytes). */
    public Hazard addEvidence(String id, String evidenceId, String phase, String sha256, String contentType,
                              long size, Caller caller) {
        Actor actor = Actors.of(caller);
        return apply(id, caller, h -> h.addEvidence(evidenceId, phase, sha256, contentType, size, actor,
                calendar.now()));
    }

    /**
     * Attaches a finding's stored photo as evidence on behalf of who made the finding (the intake decided the hazard;
     * no caller scope applies). Idempotent: false when the hazard already holds it or is closed.
     */
    public boolean attachEvidence(String id, String evidenceId, String phase, String sha256, String contentType,
                                  long size, Actor actor) {
        try {
            Object changed = store.change(id, HazardStore.WHAT, h -> {
                if (h.evidenceIds().contains(evidenceId)) {
                    return org.liuhua.kit.store.AggregateStore.NO_CHANGE;
                }
                h.addEvidence(evidenceId, phase, sha256, contentType, size, actor, calendar.now());
                return h;
            });
            return changed instanceof Hazard;
        } catch (org.liuhua.kit.domain.ConflictException closed) {
            return false;
        }
    }

    /**
     * A patrol finding that opened or joined the hazard was withdrawn ({@link Hazard#withdrawFinding}): the hazard
     * is voided or keeps the withdrawal on its history. Idempotent: a redelivered withdrawal changes nothing (false).
     */
    public boolean withdrawFinding(String id, String findingRef, String reason, String withdrawnBy,
                                   Instant withdrawnAt, Actor actor) {
        Object changed = store.change(id, HazardStore.WHAT, h -> h.withdrawFinding(findingRef, reason, withdrawnBy,
                withdrawnAt, actor, calendar.now()) ? h : org.liuhua.kit.store.AggregateStore.NO_CHANGE);
        return changed instanceof Hazard;
    }

    /** The command on the hazard, if the caller sees it; repeated on a fresh copy when another write came first. */
    private Hazard apply(String id, Caller caller, Consumer<Hazard> command) {
        if (!caller.cityWide()) {
            queries.requireVisible(id, caller);    // a city-wide caller's 404 comes from the change's own read
        }
        return store.change(id, HazardStore.WHAT, h -> {
            command.accept(h);
            return h;
        });
    }

    private static void checkEvidence(Hazard h, List<String> evidenceIds) {
        if (evidenceIds == null) {
            return;
        }
        for (String e : evidenceIds) {
            if (!h.evidenceIds().contains(e)) {
                throw new InvalidInputException("evidenceIds", "evidence " + e + " is not attached to this hazard");
            }
        }
    }
}
