package org.liuhua.hazard.hazard.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.liuhua.hazard.hazard.Hazard;
import org.liuhua.hazard.hazard.HazardSource;
import org.liuhua.hazard.hazard.Hazards;
import org.liuhua.hazard.hazard.ReportHazard;
import org.liuhua.hazard.hazard.Severity;
import org.liuhua.kit.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/hazards")
class HazardController {

    private final Hazards hazards;

    HazardController(Hazards hazards) {
        this.hazards = hazards;
    }

    @PostMapping
    ResponseEntity<HazardView> report(@Valid @RequestBody ReportRequest request) {
        Hazard hazard = hazards.report(request.toCommand(), Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/hazards/" + hazard.id())).body(HazardView.of(hazard));
    }

    @GetMapping("/{id}")
    HazardView get(@PathVariable String id) {
        return HazardView.of(hazards.get(id));
    }

    record ReportRequest(
            @NotBlank @Size(max = 64) String establishmentId,
            @NotBlank @Size(max = 64) String townId,
            @NotBlank @Size(max = 64) String category,
            Severity severity,
            @NotNull HazardSource source,
            @Size(max = 128) String sourceRef,
            @NotBlank @Size(max = 2000) String description,
            LocalDate deadline) {

        ReportHazard toCommand() {
            return new ReportHazard(establishmentId, townId, category, severity, source, sourceRef, description,
                    deadline);
        }
    }

    record HazardView(String id, String establishmentId, String townId, String category, Severity severity,
                      HazardSource source, String sourceRef, String description, String state, String reportedBy,
                      Instant reportedAt, LocalDate deadline, long revision) {

        static HazardView of(Hazard h) {
            return new HazardView(h.id(), h.establishmentId(), h.townId(), h.category(), h.severity(), h.source(),
                    h.sourceRef(), h.description(), h.state().name(), h.reportedBy(), h.reportedAt(), h.deadline(),
                    h.revision());
        }
    }
}
