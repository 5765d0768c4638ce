package org.liuhua.hazard.evidence.domain;

import java.time.Instant;

import org.liuhua.events.hazard.EvidenceDiscarded;
import org.liuhua.events.hazard.EvidenceUploaded;
import org.liuhua.kit.domain.AggregateRoot;

/**
 * A finding's photo uploaded pending (ADR 0012): which photo, whose, since when. A small document beside the GridFS
 * file ({@code pending_photos}, {@code _id} = evidence id) because a GridFS file document cannot carry the kit's
 * outbox; its one insert holds the {@code evidence-uploaded} event, written only after the file is stored, so no id
 * is ever published without its photo. The photo's state (bound to a hazard or not) stays in the file's metadata.
 * A photo never attached is discarded by the sweep ({@code PendingPhotoSweep}): {@link #discard} marks this document
 * and registers {@code evidence-discarded} in the same write, once.
 */
public class PendingPhoto extends AggregateRoot {

    private String id;
    private String owner;
    private Instant uploadedAt;
    private Instant discardedAt;

    PendingPhoto() {
    }

    /** The photo {@code evidenceId} of {@code owner} was stored; registers {@link EvidenceUploaded}. */
    public static PendingPhoto uploaded(String evidenceId, String owner, Instant uploadedAt) {
        PendingPhoto photo = new PendingPhoto();
        photo.id = evidenceId;
        photo.owner = owner;
        photo.uploadedAt = uploadedAt;
        photo.registerEvent(new EvidenceUploaded(evidenceId, owner, uploadedAt));
        return photo;
    }

    /**
     * The photo was discarded (never attached, too old; its file is deleted next): registers {@link EvidenceDiscarded}
     * the first time; false, and nothing registered, when it was discarded before.
     */
    public boolean discard(Instant at) {
        if (discardedAt != null) {
            return false;
        }
        discardedAt = at;
        registerEvent(new EvidenceDiscarded(id, owner, uploadedAt, at));
        return true;
    }

    public boolean discarded() { return discardedAt != null; }
    public Instant discardedAt() { return discardedAt; }
    public String id() { return id; }
    public String owner() { return owner; }
    public Instant uploadedAt() { return uploadedAt; }

    @Override
    public String aggregateId() {
        return id;
    }
}
