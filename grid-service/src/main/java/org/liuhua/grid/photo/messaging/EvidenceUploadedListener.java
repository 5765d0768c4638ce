package org.liuhua.grid.photo.messaging;

import java.time.Instant;

import io.cloudevents.CloudEvent;
import org.liuhua.events.Topics;
import org.liuhua.events.hazard.EvidenceDiscarded;
import org.liuhua.events.hazard.EvidenceUploaded;
import org.liuhua.grid.photo.UploadedPhotos;
import org.liuhua.kit.messaging.EventRouter;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns the finding photos hazard-service stored pending; other hazard events are ignored. A group of its own, so
 * that a photo is known moments after its upload whatever the plan's hazard consumer is busy with (a sync waits for
 * it, bounded). Storing a photo is an upsert by its evidence id that sets fields only on insert, so a redelivered
 * event changes nothing. A photo hazard-service discarded (never attached, {@link EvidenceDiscarded}) is forgotten,
 * also idempotently and whatever the order: its document keeps only its id and the time of the discard.
 */
@Component
class EvidenceUploadedListener {

    static final String GROUP = "grid-service-evidence";

    private final EventRouter router;

    EvidenceUploadedListener(UploadedPhotos photos) {
        this.router = EventRouter.named("grid-service/evidence")
                .on(EvidenceUploaded.class, UploadedPhoto.class, (photo, event) -> {
                    if (photo.evidenceId() != null && !photo.evidenceId().isBlank() && photo.owner() != null) {
                        Instant at = photo.uploadedAt() != null ? photo.uploadedAt()
                                : event.getTime() != null ? event.getTime().toInstant() : null;
                        photos.uploaded(photo.evidenceId(), photo.owner(), at);
                    }
                })
                .on(EvidenceDiscarded.class, DiscardedPhoto.class, (photo, event) -> {
                    if (photo.evidenceId() != null && !photo.evidenceId().isBlank()) {
                        Instant at = photo.discardedAt() != null ? photo.discardedAt()
                                : event.getTime() != null ? event.getTime().toInstant() : null;
                        photos.discarded(photo.evidenceId(), at);
                    }
                })
                .build();
    }

    @KafkaListener(topics = Topics.HAZARD, groupId = GROUP)
    void on(CloudEvent event) {
        router.route(event);
    }

    /** What grid-service reads of {@link EvidenceUploaded}. */
    record UploadedPhoto(String evidenceId, String owner, Instant uploadedAt) {
    }

    /** What grid-service reads of {@link EvidenceDiscarded}. */
    record DiscardedPhoto(String evidenceId, Instant discardedAt) {
    }
}
