package org.liuhua.hazard.intake.messaging;

import io.cloudevents.CloudEvent;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.PatrolFindingRecorded;
import org.liuhua.events.grid.PatrolFindingWithdrawn;
import org.liuhua.hazard.intake.PatrolFindings;
import org.liuhua.kit.messaging.EventRouter;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Patrol findings from grid-service enter the ledger as GRID_PATROL hazards (exactly once per finding id), and a
 * withdrawn one reaches the hazard that holds it (voided when nothing else happened to it). This
 * consumer has a group of its own: the known-establishments consumer reads the same topic for its read model, and
 * each feature consumes only what it needs (other grid events are ignored here).
 */
@Component
class PatrolFindingsListener {

    static final String GROUP = "hazard-service-patrol-findings";

    private final EventRouter router;

    PatrolFindingsListener(PatrolFindings findings) {
        this.router = EventRouter.named("hazard-service/patrol-findings")
                .on(PatrolFindingRecorded.class, findings::record)
                .on(PatrolFindingWithdrawn.class, findings::withdrawn)
                .build();
    }

    @KafkaListener(topics = Topics.GRID, groupId = GROUP)
    void on(CloudEvent event) {
        router.route(event);
    }
}
