package org.liuhua.hazard.webhook.messaging;

import io.cloudevents.CloudEvent;
import org.liuhua.events.Topics;
import org.liuhua.events.hazard.HazardAcknowledged;
import org.liuhua.events.hazard.HazardClosed;
import org.liuhua.events.hazard.HazardEnforced;
import org.liuhua.events.hazard.HazardRectified;
import org.liuhua.events.hazard.HazardReviewed;
import org.liuhua.events.hazard.HazardSeverityRaised;
import org.liuhua.events.hazard.HazardSnapshot;
import org.liuhua.events.hazard.HazardTransferRefused;
import org.liuhua.events.hazard.HazardTransferRerouted;
import org.liuhua.events.hazard.HazardTransferred;
import org.liuhua.hazard.webhook.Webhooks;
import org.liuhua.kit.messaging.EventRouter;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The firms' webhook deliveries come from the service's own events (group {@code hazard-service-webhooks}): every
 * state change a firm is notified of, read as the hazard snapshot it carries, becomes one delivery per firm, keyed by
 * the event id (a redelivered event queues nothing new). Other hazard events are ignored.
 */
@Component
class HazardEventsListener {

    static final String GROUP = "hazard-service-webhooks";

    private final EventRouter router;

    HazardEventsListener(Webhooks webhooks) {
        EventRouter.Builder builder = EventRouter.named("hazard-service/webhooks");
        for (Class<?> type : new Class<?>[] {HazardTransferred.class, HazardAcknowledged.class, HazardRectified.class,
                HazardReviewed.class, HazardEnforced.class, HazardClosed.class, HazardSeverityRaised.class,
                HazardTransferRefused.class, HazardTransferRerouted.class}) {
            builder.on(type, HazardSnapshot.class, (snapshot, event) -> webhooks.onEvent(event.getId(),
                    event.getType(), snapshot));
        }
        this.router = builder.build();
    }

    @KafkaListener(topics = Topics.HAZARD, groupId = GROUP)
    void on(CloudEvent event) {
        router.route(event);
    }
}
