package org.liuhua.grid.checklist.messaging;

import java.time.Instant;

import io.cloudevents.CloudEvent;
import org.liuhua.events.Topics;
import org.liuhua.events.manual.ChecklistItemPublished;
import org.liuhua.grid.checklist.ChecklistItemCodes;
import org.liuhua.kit.messaging.EventRouter;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns the hazard-check items manual-service publishes; other manual-service events are ignored. Writing an item
 * is an upsert by its code, so a redelivered event changes nothing.
 */
@Component
class ChecklistItemsListener {

    static final String GROUP = "grid-service-checklist-items";

    private final EventRouter router;

    ChecklistItemsListener(ChecklistItemCodes items) {
        this.router = EventRouter.named("grid-service/checklist-items")
                .on(ChecklistItemPublished.class, PublishedItem.class, (item, event) -> {
                    if (item.code() != null && !item.code().isBlank()) {
                        Instant at = item.publishedAt() != null ? item.publishedAt()
                                : event.getTime() != null ? event.getTime().toInstant() : null;
                        items.published(item.code(), item.text(), item.category(), item.major(), item.verified(), at);
                    }
                })
                .build();
    }

    @KafkaListener(topics = Topics.MANUAL, groupId = GROUP)
    void on(CloudEvent event) {
        router.route(event);
    }

    /** What grid-service reads of {@link ChecklistItemPublished}. */
    record PublishedItem(String code, String text, String category, boolean major, boolean verified,
                         Instant publishedAt) {
    }
}
