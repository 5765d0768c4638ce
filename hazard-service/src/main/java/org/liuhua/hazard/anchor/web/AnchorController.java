package org.liuhua.hazard.anchor.web;

import java.time.Instant;
import java.util.List;

import org.liuhua.hazard.access.CityAdminOnly;
import org.liuhua.hazard.access.CityWideOrOfficer;
import org.liuhua.hazard.anchor.ChainAnchors;
import org.liuhua.hazard.anchor.ChainCheck;
import org.liuhua.hazard.anchor.domain.ChainAnchor;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The history chain checked against its anchor outside the document (H-6), and the anchors themselves. */
@RestController
class AnchorController {

    private final ChainAnchors anchors;

    AnchorController(ChainAnchors anchors) {
        this.anchors = anchors;
    }

    /** Whether the hazard's history was rewritten: its own chain and the head anchored for it. */
    @GetMapping("/api/v1/hazards/{id}/chain")
    ChainCheck chain(@PathVariable String id) {
        return anchors.check(id, Caller.current());
    }

    /** Anchors every chain head now (the schedule does it every {@code liuhua.hazard.anchor.interval}). */
    @PostMapping("/api/v1/hazards/chain-anchors")
    @ResponseStatus(HttpStatus.CREATED)
    @CityAdminOnly
    AnchorView anchorNow() {
        return AnchorView.of(anchors.anchorNow());
    }

    @GetMapping("/api/v1/hazards/chain-anchors/latest")
    @CityWideOrOfficer
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the latest anchor",
            useReturnTypeSchema = true)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404",
            description = "no anchor yet (the first pass runs one interval after start)")
    AnchorView latest() {
        return AnchorView.of(anchors.latest().orElseThrow(() -> new NotFoundException("chain anchor", "latest")));
    }

    record AnchorView(String anchorId, Instant anchoredAt, long hazards, long changed, long mismatches,
                      List<String> mismatchedHazardIds, String digest, String previousAnchorId,
                      String previousDigest) {

        static AnchorView of(ChainAnchor a) {
            return new AnchorView(a.id(), a.anchoredAt(), a.hazards(), a.changed(), a.mismatches(),
                    a.mismatchedHazardIds(), a.digest(), a.previousAnchorId(), a.previousDigest());
        }
    }
}
