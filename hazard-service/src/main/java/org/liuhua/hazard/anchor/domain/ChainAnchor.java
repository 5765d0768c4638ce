package org.liuhua.hazard.anchor.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.liuhua.events.hazard.HazardChainAnchored;
import org.liuhua.kit.domain.AggregateRoot;

/**
 * One anchor of the hazards' history chains (H-6): the digest over every anchored chain head at a moment, chained to
 * the previous anchor's digest, published as {@code liuhua.hazard.chain-anchored.v1}. It lives outside the hazard
 * documents (collection {@code chain_anchors}, and wherever the event is kept), so rewriting a hazard's history, even
 * with every hash recomputed, no longer matches what was anchored.
 */
public class ChainAnchor extends AggregateRoot {

    private String id;
    private Instant anchoredAt;
    private long hazards;
    private long changed;
    private long mismatches;
    private List<String> mismatchedHazardIds;
    private String digest;
    private String previousAnchorId;
    private String previousDigest;

    ChainAnchor() {
    }

    /**
     * @param heads            every anchored head as {@link #headLine} lines, sorted by hazard id
     * @param mismatchedHazardIds hazards whose chain no longer extends their anchored head (at most the first 200)
     */
    public static ChainAnchor of(String id, Instant anchoredAt, List<String> heads, long changed, long mismatches,
                                 List<String> mismatchedHazardIds, String previousAnchorId, String previousDigest) {
        ChainAnchor a = new ChainAnchor();
        a.id = id;
        a.anchoredAt = anchoredAt;
        a.hazards = heads.size();
        a.changed = changed;
        a.mismatches = mismatches;
        a.mismatchedHazardIds = List.copyOf(mismatchedHazardIds);
        a.previousAnchorId = previousAnchorId;
        a.previousDigest = previousDigest;
        a.digest = digest(previousDigest, heads);
        a.registerEvent(new HazardChainAnchored(id, anchoredAt, a.hazards, changed, mismatches, a.digest,
                previousAnchorId, previousDigest));
        return a;
    }

    /** One head as the digest covers it. */
    public static String headLine(String hazardId, int entries, String headHash) {
        return hazardId + ":" + entries + ":" + headHash;
    }

    /** SHA-256 over the previous digest and the sorted head lines. */
    public static String digest(String previousDigest, List<String> sortedHeads) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(previousDigest).getBytes(StandardCharsets.UTF_8));
            for (String line : sortedHeads) {
                sha.update((byte) '\n');
                sha.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String id() { return id; }
    public Instant anchoredAt() { return anchoredAt; }
    public long hazards() { return hazards; }
    public long changed() { return changed; }
    public long mismatches() { return mismatches; }
    public List<String> mismatchedHazardIds() { return mismatchedHazardIds == null ? List.of() : mismatchedHazardIds; }
    public String digest() { return digest; }
    public String previousAnchorId() { return previousAnchorId; }
    public String previousDigest() { return previousDigest; }

    @Override
    public String aggregateId() {
        return id;
    }
}
