package org.liuhua.hazard.intake;

import java.util.List;
import java.util.Map;

import org.liuhua.kit.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Third-party intake (H-7): a firm pushes a batch of findings; each item gets its own answer. */
@RestController
class IntakeController {

    private final Intake intake;

    IntakeController(Intake intake) {
        this.intake = intake;
    }

    @PostMapping("/api/v1/intake/findings")
    @PreAuthorize("hasRole('THIRD_PARTY_FIRM')")
    ResponseEntity<Intake.BatchResult> push(@RequestBody Map<String, Object> body,
                                            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Object findings = body.get("findings");
        return ResponseEntity.ok(intake.push(Caller.current(), findings instanceof List<?> l ? l : null, key));
    }
}
