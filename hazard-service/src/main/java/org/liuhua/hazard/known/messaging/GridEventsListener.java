package org.liuhua.hazard.known.messaging;

import io.cloudevents.CloudEvent;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.EstablishmentChanged;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.events.grid.InspectorBound;
import org.liuhua.events.grid.InspectorUnbound;
import org.liuhua.hazard.known.KnownEstablishment;
import org.liuhua.hazard.known.KnownEstablishments;
import org.liuhua.kit.messaging.EventRouter;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the known establishments from grid-service's events: establishment snapshots (both event types read as one
 * view, highest revision wins) and inspector bindings (keyed by inspector and unit; an ended binding is remembered, so a late or repeated binding event does not restore it). Every effect is
 * idempotent; other grid events are ignored (patrol findings are the intake's, which consumes them itself).
 */
@Component
class GridEventsListener {

    private final EventRouter router;

    GridEventsListener(KnownEstablishments known) {
        this.router = EventRouter.named("hazard-service/known-establishments")
                .on(EstablishmentRegistered.class, KnownEstablishment.class, (e, event) -> known.applyIfNewer(e))
                .on(EstablishmentChanged.class, KnownEstablishment.class, (e, event) -> known.applyIfNewer(e))
                .on(InspectorBound.class, e -> known.bindings().bind(e.inspectorId(), e.unitId(), e.townId(),
                        e.boundAt()))
                .on(InspectorUnbound.class, e -> known.bindings().unbind(e.inspectorId(), e.unitId(),
                        e.unboundAt()))
                .build();
    }

    @KafkaListener(topics = Topics.GRID, groupId = "hazard-service")
    void on(CloudEvent event) {
        router.route(event);
    }
}
