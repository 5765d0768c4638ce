package org.liuhua.reporting.hazards.messaging;

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
import org.liuhua.events.hazard.HazardSignedOff;
import org.liuhua.events.hazard.HazardSupervisionOrdered;
import org.liuhua.events.hazard.HazardTransferred;
import org.liuhua.kit.messaging.EventRouter;
import org.liuhua.reporting.hazards.HazardFacts;
import org.liuhua.reporting.hazards.HazardFacts.Kind;
import org.liuhua.reporting.hazards.domain.HazardChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the hazard facts from the hazard topic. Every hazard event is read as the one {@link HazardChange} view;
 * idempotent by the hazard's revision (see {@link HazardFacts#apply}).
 */
@Component
class HazardEventsListener {

    private static final Logger log = LoggerFactory.getLogger(HazardEventsListener.class);

    private final HazardFacts facts;
    final EventRouter router;

    HazardEventsListener(HazardFacts facts) {
        this.facts = facts;
        this.router = EventRouter.named("reporting-service/hazards")
                .on(HazardReported.class, HazardChange.class, (c, e) -> reported(c, e))
                .on(HazardEnforced.class, HazardChange.class, (c, e) -> apply(Kind.ENFORCED, c, e))
                .on(HazardClosed.class, HazardChange.class, (c, e) -> apply(Kind.CLOSED, c, e))
                .on(HazardEscalated.class, HazardChange.class, (c, e) -> apply(Kind.ESCALATED, c, e))
                .on(HazardAcknowledged.class, HazardChange.class, (c, e) -> apply(Kind.OTHER, c, e))
                .on(HazardCorroborated.class, HazardChange.class, (c, e) -> apply(Kind.OTHER, c, e))
                .on(HazardEvidenceAdded.class, HazardChange.class, (c, e) -> apply(Kind.OTHER, c, e))
                .on(HazardOverdue.class, HazardChange.class, (c, e) -> apply(Kind.OTHER, c, e))
                .on(HazardRectified.class, HazardChange.class, (c, e) -> apply(Kind.OTHER, c, e))
                .on(HazardReviewed.class, HazardChange.class, (c, e) -> apply(Kind.OTHER, c, e))
                .on(HazardSignedOff.class, HazardChange.class, (c, e) -> apply(Kind.OTHER, c, e))
                .on(HazardSupervisionOrdered.class, HazardChange.class, (c, e) -> apply(Kind.OTHER, c, e))
                .on(HazardTransferred.class, HazardChange.class, (c, e) -> apply(Kind.OTHER, c, e))
                .build();
    }

    @KafkaListener(topics = Topics.HAZARD, groupId = "reporting-service")
    void on(CloudEvent event) {
        router.route(event);
    }

    private void reported(HazardChange change, CloudEvent event) {
        apply(Kind.REPORTED, change, event);
        log.info("counted hazard {} of {} ({})", change.hazardId(), change.townId(), event.getType());
    }

    private void apply(Kind kind, HazardChange change, CloudEvent event) {
        boolean applied = facts.apply(kind, event.getType(), change);
        log.debug("{} hazard {} -> {} (applied: {})", event.getType(), change.hazardId(), change.state(), applied);
    }
}
