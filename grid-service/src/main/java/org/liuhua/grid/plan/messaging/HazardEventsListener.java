package org.liuhua.grid.plan.messaging;

import java.time.Clock;
import java.time.Instant;

import io.cloudevents.CloudEvent;
import org.liuhua.events.Topics;
import org.liuhua.events.hazard.HazardClosed;
import org.liuhua.events.hazard.HazardCorroborated;
import org.liuhua.events.hazard.HazardReported;
import org.liuhua.grid.plan.FindingHazards;
import org.liuhua.kit.messaging.EventRouter;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns from hazard-service which patrol findings became hazards and which of those were closed. Reads only the
 * fields it needs of each event; other hazard events are ignored. The effects are keyed by hazard id, so duplicates
 * change nothing.
 */
@Component
class HazardEventsListener {

    static final String GRID_PATROL = "GRID_PATROL";

    private final EventRouter router;

    HazardEventsListener(FindingHazards findingHazards, Clock clock) {
        this.router = EventRouter.named("grid-service/hazard")
                .on(HazardReported.class, ReportedHazard.class, (hazard, event) -> {
                    if (GRID_PATROL.equals(hazard.source()) && hazard.sourceRef() != null
                            && hazard.hazardId() != null) {
                        findingHazards.reported(hazard.hazardId(), hazard.sourceRef(), hazard.establishmentId());
                    }
                })
                .on(HazardCorroborated.class, JoinedHazard.class, (hazard, event) -> {
                    if (GRID_PATROL.equals(hazard.corroboratingSource()) && hazard.corroboratingSourceRef() != null
                            && hazard.hazardId() != null) {
                        findingHazards.joined(hazard.hazardId(), hazard.corroboratingSourceRef());
                    }
                })
                .on(HazardClosed.class, ClosedHazard.class, (hazard, event) -> {
                    if (hazard.hazardId() != null) {
                        Instant closedAt = hazard.closedAt() != null ? hazard.closedAt()
                                : event.getTime() != null ? event.getTime().toInstant() : clock.instant();
                        findingHazards.closed(hazard.hazardId(), closedAt);
                    }
                })
                .build();
    }

    @KafkaListener(topics = Topics.HAZARD, groupId = "grid-service")
    void on(CloudEvent event) {
        router.route(event);
    }

    /** What grid-service reads of {@link HazardReported}. */
    record ReportedHazard(String hazardId, String source, String sourceRef, String establishmentId) {
    }

    /** What grid-service reads of {@link HazardCorroborated}: a patrol finding that joined an open hazard. */
    record JoinedHazard(String hazardId, String corroboratingSource, String corroboratingSourceRef) {
    }

    /** What grid-service reads of {@link HazardClosed}. */
    record ClosedHazard(String hazardId, Instant closedAt) {
    }
}
