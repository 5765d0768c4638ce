package org.liuhua.hazard.intake.web;

import java.util.List;
import java.util.Map;

import org.liuhua.hazard.access.ThirdPartyFirm;
import org.liuhua.hazard.intake.FirmBatches;
import org.liuhua.kit.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Third-party intake (H-7): a firm pushes a batch of findings; each item gets its own answer. */
@RestController
class IntakeController {

    private final FirmBatches batches;

    IntakeController(FirmBatches batches) {
        this.batches = batches;
    }

    @PostMapping("/api/v1/intake/findings")
    @ThirdPartyFirm
    ResponseEntity<FirmBatches.BatchResult> push(@RequestBody Map<String, Object> body,
                                                 @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Object findings = body.get("findings");
        return ResponseEntity.ok(batches.push(Caller.current(), findings instanceof List<?> l ? l : null, key));
    }
}
