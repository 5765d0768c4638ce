package org.liuhua.hazard.intake.messaging;

import io.cloudevents.CloudEvent;
import org.liuhua.events.Topics;
import org.liuhua.events.manual.ChecklistItemFailed;
import org.liuhua.hazard.intake.ChecklistFindings;
import org.liuhua.kit.messaging.EventRouter;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Failed checklist items from manual-service enter the ledger, exactly once per run and item. */
@Component
class ChecklistFindingsListener {

    static final String GROUP = "hazard-service-checklist-findings";

    private final EventRouter router;

    ChecklistFindingsListener(ChecklistFindings findings) {
        this.router = EventRouter.named("hazard-service/checklist-findings")
                .on(ChecklistItemFailed.class, findings::record)
                .build();
    }

    @KafkaListener(topics = Topics.MANUAL, groupId = GROUP)
    void on(CloudEvent event) {
        router.route(event);
    }
}
