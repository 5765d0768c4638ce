package org.liuhua.hazard.loop.messaging;

import java.util.ArrayList;
import java.util.List;

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
 * stale event changes nothing). It reads polled batches: the rows of a batch's hazards are written together, so a bulk
 * load costs a few writes per batch and document, not per hazard. Other hazard events are ignored.
 */
@Component
class HazardListsListener {

    static final String GROUP = "hazard-service-lists";

    private final EventRouter router;
    private final HazardLists lists;
    /** The claims of the batch being read (null outside a batch: an event routed alone is repaired at once). */
    private final ThreadLocal<List<HazardLists.Due>> batch = new ThreadLocal<>();

    HazardListsListener(HazardLists lists) {
        this.lists = lists;
        EventRouter.Builder builder = EventRouter.named("hazard-service/lists");
        for (Class<?> type : new Class<?>[] {HazardReported.class, HazardTransferred.class, HazardAcknowledged.class,
                HazardRectified.class, HazardReviewed.class, HazardEnforced.class, HazardClosed.class,
                HazardOverdue.class, HazardEscalated.class, HazardEvidenceAdded.class, HazardCorroborated.class,
                HazardSupervisionOrdered.class, HazardSignedOff.class, HazardSeverityRaised.class,
                HazardTransferRefused.class, HazardTransferRerouted.class}) {
            builder.on(type, HazardSnapshot.class, (snapshot, event) -> due(new HazardLists.Due(snapshot.hazardId(),
                    snapshot.establishmentId(), snapshot.revision())));
        }
        this.router = builder.build();
    }

    private void due(HazardLists.Due due) {
        List<HazardLists.Due> collecting = batch.get();
        if (collecting != null) {
            collecting.add(due);
        } else {
            lists.repair(List.of(due));
        }
    }

    /** A polled batch at once: each hazard's rows are checked and repaired together (idempotent as a whole). */
    @KafkaListener(topics = Topics.HAZARD, groupId = GROUP, batch = "true")
    void on(List<CloudEvent> events) {
        List<HazardLists.Due> due = new ArrayList<>();
        batch.set(due);
        try {
            events.forEach(router::route);
        } finally {
            batch.remove();
        }
        if (!due.isEmpty()) {
            lists.repair(due);
        }
    }
}
