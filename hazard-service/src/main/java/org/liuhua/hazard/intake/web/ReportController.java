package org.liuhua.hazard.intake.web;

import java.net.URI;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.liuhua.hazard.access.Reporter;
import org.liuhua.hazard.intake.DirectReports;
import org.liuhua.hazard.intake.Outcome;
import org.liuhua.hazard.intake.ReportHazard;
import org.liuhua.hazard.loop.domain.HazardSource;
import org.liuhua.hazard.loop.domain.Severity;
import org.liuhua.hazard.loop.web.HazardView;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.web.DateBound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reporting a hazard (识别): 201 with the new ticket, or 200 with the open ticket the finding joined or the one it
 * duplicates; the answer names the {@code outcome}.
 */
@RestController
class ReportController {

    private final DirectReports reports;

    ReportController(DirectReports reports) {
        this.reports = reports;
    }

    @PostMapping("/api/v1/hazards")
    @Reporter
    ResponseEntity<HazardView> report(@Valid @RequestBody ReportRequest request) {
        Outcome outcome = reports.report(request.toCommand(), Caller.current());
        HazardView view = HazardView.of(outcome.hazard(), outcome.kind().name());
        URI location = URI.create("/api/v1/hazards/" + outcome.hazardId());
        if (outcome.kind() == Outcome.Kind.CREATED) {
            return ResponseEntity.created(location).body(view);
        }
        return ResponseEntity.ok().location(location).body(view);
    }

    /** What a client may say; fields such as {@code state}, {@code reportedBy}, {@code revision} are ignored. */
    record ReportRequest(
            @NotBlank @Size(max = 64) String establishmentId,
            @Size(max = 64) String townId,
            @NotBlank @Size(max = 64) String category,
            Severity severity,
            @NotNull HazardSource source,
            @Size(max = 128) String sourceRef,
            @NotBlank @Size(max = 2000) String description,
            // documented only: Deadlines checks the day in the city's calendar, and the horizon
            @DateBound(DateBound.Side.FUTURE_OR_PRESENT) LocalDate deadline) {

        ReportHazard toCommand() {
            return new ReportHazard(establishmentId, townId, category, severity, source, sourceRef, description,
                    deadline);
        }
    }
}
