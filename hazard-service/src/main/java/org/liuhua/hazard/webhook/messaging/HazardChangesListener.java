package org.liuhua.hazard.webhook.messaging;

import io.cloudevents.CloudEvent;
import org.liuhua.events.Topics;
import org.liuhua.events.hazard.HazardAcknowledged;
import org.liuhua.events.hazard.HazardClosed;
import org.liuhua.events.hazard.HazardEnforced;
import org.liuhua.events.hazard.HazardRectified;
import org.liuhua.events.hazard.HazardReviewed;
import org.liuhua.events.hazard.HazardSeverityRaised;
import org.liuhua.events.hazard.HazardTransferred;
import org.liuhua.hazard.webhook.Webhooks;
import org.liuhua.kit.messaging.EventRouter;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns hazard-service's own state changes (transferred, acknowledged, rectified, reviewed, enforced, closed, raised
 * to major) into webhook deliveries for the firms whose findings the hazard holds. Reading the published events
 * (not the command path) means a notification is never lost between the hazard's write and its delivery; a
 * redelivered event is one delivery (keyed by firm and event id). Other types are ignored.
 */
@Component
class HazardChangesListener {

    private final EventRouter router;

    HazardChangesListener(Webhooks webhooks) {
        this.router = EventRouter.named("hazard-service/webhooks")
                .on(HazardTransferred.class, (HazardTransferred e, CloudEvent c) ->
                        webhooks.enqueue(c.getId(), c.getType(), e.hazardId(), e.state(), e.revision(), e.occurredAt()))
                .on(HazardAcknowledged.class, (HazardAcknowledged e, CloudEvent c) ->
                        webhooks.enqueue(c.getId(), c.getType(), e.hazardId(), e.state(), e.revision(), e.occurredAt()))
                .on(HazardRectified.class, (HazardRectified e, CloudEvent c) ->
                        webhooks.enqueue(c.getId(), c.getType(), e.hazardId(), e.state(), e.revision(), e.occurredAt()))
                .on(HazardReviewed.class, (HazardReviewed e, CloudEvent c) ->
                        webhooks.enqueue(c.getId(), c.getType(), e.hazardId(), e.state(), e.revision(), e.occurredAt()))
                .on(HazardEnforced.class, (HazardEnforced e, CloudEvent c) ->
                        webhooks.enqueue(c.getId(), c.getType(), e.hazardId(), e.state(), e.revision(), e.occurredAt()))
                .on(HazardClosed.class, (HazardClosed e, CloudEvent c) ->
                        webhooks.enqueue(c.getId(), c.getType(), e.hazardId(), e.state(), e.revision(), e.occurredAt()))
                .on(HazardSeverityRaised.class, (HazardSeverityRaised e, CloudEvent c) ->
                        webhooks.enqueue(c.getId(), c.getType(), e.hazardId(), e.state(), e.revision(), e.occurredAt()))
                .build();
    }

    @KafkaListener(topics = Topics.HAZARD, groupId = "hazard-service-webhooks")
    void on(CloudEvent event) {
        router.route(event);
    }
}
