package org.liuhua.events.hazard;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A periodic anchor of the hazards' history chains (H-6): a digest over every hazard's chain head (hazard id, number
 * of entries, hash of the last entry) at {@code anchoredAt}, chained to the previous anchor's digest. Kept outside the
 * hazard documents (and by whoever stores this event), it makes a rewritten history detectable even when the rewriter
 * recomputed every hash of the chain. Key: {@code anchorId}. No hazard life-cycle event: no snapshot.
 *
 * @param hazards    chain heads the digest covers
 * @param changed    heads that moved since the previous anchor
 * @param mismatches hazards whose chain no longer extends their anchored head (rewritten; their anchored head was kept)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.hazard.chain-anchored.v1", topic = Topics.HAZARD)
public record HazardChainAnchored(
        String anchorId,
        Instant anchoredAt,
        long hazards,
        long changed,
        long mismatches,
        String digest,
        String previousAnchorId,
        String previousDigest) {
}
