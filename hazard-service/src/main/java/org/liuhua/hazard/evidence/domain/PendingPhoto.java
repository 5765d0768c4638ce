package org.liuhua.hazard.evidence.domain;

import java.time.Instant;

import org.liuhua.events.hazard.EvidenceUploaded;
import org.liuhua.kit.domain.AggregateRoot;

/**
 * A finding's photo uploaded pending (ADR 0012): which photo, whose, since when. A small document beside the GridFS
 * file ({@code pending_photos}, {@code _id} = evidence id) because a GridFS file document cannot carry the kit's
 * outbox; its one insert holds the {@code evidence-uploaded} event, written only after the file is stored, so no id
 * is ever published without its photo. The photo's state (bound to a hazard or not) stays in the file's metadata.
 */
public class PendingPhoto extends AggregateRoot {

    private String id;
    private String owner;
    private Instant uploadedAt;

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

    public String id() { return id; }
    public String owner() { return owner; }
    public Instant uploadedAt() { return uploadedAt; }

    @Override
    public String aggregateId() {
        return id;
    }
}
