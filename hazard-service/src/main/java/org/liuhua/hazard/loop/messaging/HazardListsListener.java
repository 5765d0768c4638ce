package org.liuhua.hazard.loop.messaging;

import io.cloudevents.CloudEvent;
import org.liuhua.events.Topics;
import org.liuhua.events.hazard.HazardAcknowledged;
import org.liuhua.events.hazard.HazardClosed;
import org.liuhua.events.hazard.HazardCorroborated;
import org.liuhua.events.hazard.HazardEnforced;
import org.liuhua.events.hazard.HazardEscalated;
import org.liuhua.events.hazard.HazardEvidenceAdded;
import org.liuhua.events.hazard.HazardOverdue;
import org.liuhua.events.hazard.HazardRectified;
import org.liuhua.events.hazard.HazardReported;
import org.liuhua.events.hazard.HazardReviewed;
import org.liuhua.events.hazard.HazardSeverityRaised;
import org.liuhua.events.hazard.HazardSignedOff;
import org.liuhua.events.hazard.HazardSnapshot;
import org.liuhua.events.hazard.HazardSupervisionOrdered;
import org.liuhua.events.hazard.HazardTransferRefused;
import org.liuhua.events.hazard.HazardTransferRerouted;
import org.liuhua.events.hazard.HazardTransferred;
import org.liuhua.hazard.loop.HazardLists;
import org.liuhua.kit.messaging.EventRouter;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Repairs the pre-shaped lists from the service's own hazard events (group {@code hazard-service-lists}): a write
 * whose list rows were lost (a crash between the hazard and its rows) and hazards bulk-loaded with their events end up
 * listed. Each event, read as the snapshot it carries, brings the hazard's rows up to its revision from the stored
 * hazard; an event whose revision the rows already have costs one read by {@code _id} (idempotent: a redelivered or
 * stale event changes nothing). Other hazard events are ignored.
 */
@Component
class HazardListsListener {

    static final String GROUP = "hazard-service-lists";

    private final EventRouter router;

    HazardListsListener(HazardLists lists) {
        EventRouter.Builder builder = EventRouter.named("hazard-service/lists");
        for (Class<?> type : new Class<?>[] {HazardReported.class, HazardTransferred.class, HazardAcknowledged.class,
                HazardRectified.class, HazardReviewed.class, HazardEnforced.class, HazardClosed.class,
                HazardOverdue.class, HazardEscalated.class, HazardEvidenceAdded.class, HazardCorroborated.class,
                HazardSupervisionOrdered.class, HazardSignedOff.class, HazardSeverityRaised.class,
                HazardTransferRefused.class, HazardTransferRerouted.class}) {
            builder.on(type, HazardSnapshot.class, (snapshot, event) -> lists.repair(snapshot.hazardId(),
                    snapshot.establishmentId(), snapshot.revision()));
        }
        this.router = builder.build();
    }

    @KafkaListener(topics = Topics.HAZARD, groupId = GROUP)
    void on(CloudEvent event) {
        router.route(event);
    }
}
