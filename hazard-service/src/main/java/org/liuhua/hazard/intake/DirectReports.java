package org.liuhua.hazard.intake;

import org.liuhua.hazard.access.AccessPolicy;
import org.liuhua.hazard.loop.Actors;
import org.liuhua.hazard.loop.Deadlines;
import org.liuhua.hazard.loop.HazardStore;
import org.liuhua.hazard.loop.domain.HazardSource;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.stereotype.Service;

/**
 * A hazard reported through the API ({@code POST /api/v1/hazards}): placed at its establishment (a town that
 * contradicts the known one is a 400), checked by the policy, then entered like every other finding. The source's
 * own reference, when given, makes a repeated report by the same reporter a DUPLICATE (keyed by source, reporter and
 * reference, so the same reference from another reporter is a finding of its own).
 */
@Service
public class DirectReports {

    private final Intake intake;
    private final AccessPolicy policy;
    private final HazardStore store;
    private final CityCalendar calendar;
    private final Deadlines deadlines;

    DirectReports(Intake intake, AccessPolicy policy, HazardStore store, CityCalendar calendar, Deadlines deadlines) {
        this.deadlines = deadlines;
        this.intake = intake;
        this.policy = policy;
        this.store = store;
        this.calendar = calendar;
    }

    public Outcome report(ReportHazard command, Caller caller) {
        deadlines.checkDue("deadline", command.deadline());
        Site site = intake.site(command.establishmentId(), command.townId());
        if (!site.known() && (command.townId() == null || command.townId().isBlank())) {
            // a known establishment needs only its id (town and department come from the establishment snapshot)
            throw new InvalidInputException("townId", "required for establishment " + command.establishmentId()
                    + ", which is not known from grid-service's register");
        }
        if (site.contradicts(command.townId())) {
            throw new InvalidInputException("townId", "establishment " + command.establishmentId()
                    + " is in town " + site.townId() + ", not " + command.townId());
        }
        policy.checkReport(caller, command.establishmentId(), site.known(), site.townId(), site.departmentId(),
                command.source().name());
        // the reference is the reporter's own: one reporter's reference never suppresses another's finding
        String sourceKey = command.sourceRef() == null || command.sourceRef().isBlank() ? null
                : command.source() + ":" + caller.subject() + ":" + command.sourceRef();
        Outcome outcome = intake.ingest(site.finding(command.category(), command.severity(), command.source(),
                command.sourceRef(), sourceKey, null, command.description(), command.deadline(), calendar.now()),
                Actors.of(caller));
        return outcome.hazard() != null ? outcome
                : new Outcome(outcome.kind(), outcome.hazardId(), store.findById(outcome.hazardId()).orElse(null));
    }
}
