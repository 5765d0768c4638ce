package org.liuhua.hazard.loop.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * One step of a hazard's history (H-6): who (subject, name and role), when, which command, the states before and
 * after, the note, the evidence ids and details. Entries are chained: each carries the hash of the previous one and its
 * own hash over its content and that link, so rewriting any stored entry breaks the chain.
 */
public record HistoryEntry(int seq, String command, String fromState, String toState, String actor,
                           String actorName, String actorRole, Instant at, String note, List<String> evidenceIds,
                           String details, String previousHash, String hash) {

    static final String GENESIS = "0".repeat(64);

    static HistoryEntry of(int seq, String command, String fromState, String toState, String actor, String actorName,
                           String actorRole, Instant at, String note, List<String> evidenceIds, String details,
                           String previousHash) {
        List<String> evidence = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
        String hash = hash(seq, command, fromState, toState, actor, actorName, actorRole, at, note, evidence, details,
                previousHash);
        return new HistoryEntry(seq, command, fromState, toState, actor, actorName, actorRole, at, note, evidence,
                details, previousHash, hash);
    }

    /** The hash this entry should have given its content and stored previous hash. */
    String recomputeHash() {
        return hash(seq, command, fromState, toState, actor, actorName, actorRole, at, note,
                evidenceIds == null ? List.of() : evidenceIds, details, previousHash);
    }

    static String hash(int seq, String command, String fromState, String toState, String actor, String actorName,
                       String actorRole, Instant at, String note, List<String> evidenceIds, String details,
                       String previousHash) {
        String text = String.join("\u001f", String.valueOf(previousHash), String.valueOf(seq), String.valueOf(command),
                String.valueOf(fromState), String.valueOf(toState), String.valueOf(actor), String.valueOf(actorName),
                String.valueOf(actorRole), at == null ? "null" : String.valueOf(at.toEpochMilli()),
                String.valueOf(note), String.join(",", evidenceIds), String.valueOf(details));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
