package org.liuhua.hazard.anchor;

import java.time.Instant;

/**
 * A hazard's history checked (H-6): {@code intact} — every entry's hash matches its content and link;
 * {@code anchored} — the head last anchored for it outside the document (null before its first anchor);
 * {@code matchesAnchor} — the chain still extends that head (null when not anchored yet); {@code rewritten} — the chain
 * is broken or no longer matches its anchor.
 */
public record ChainCheck(String hazardId, boolean intact, int entries, Integer firstBrokenEntry, Anchored anchored,
                         Boolean matchesAnchor, boolean rewritten) {

    public record Anchored(String anchorId, Instant anchoredAt, int entries, String headHash) {
    }
}
