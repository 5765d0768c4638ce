package org.liuhua.training.establishment.messaging;

import io.cloudevents.CloudEvent;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.EstablishmentChanged;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.events.grid.EstablishmentSnapshot;
import org.liuhua.events.grid.InspectorBound;
import org.liuhua.events.grid.InspectorUnbound;
import org.liuhua.kit.messaging.EventRouter;
import org.liuhua.training.establishment.KnownEstablishment;
import org.liuhua.training.establishment.KnownEstablishments;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Grid events in: establishment snapshots (highest revision wins; a closed one is kept without its tenancy) and
 * inspector bindings (keyed by inspector and unit). Every effect is idempotent; other grid events are ignored.
 */
@Component
class GridEventsListener {

    private final EventRouter router;

    GridEventsListener(KnownEstablishments known) {
        this.router = EventRouter.named("training-service/grid")
                .on(EstablishmentRegistered.class, e -> known.applyIfNewer(new KnownEstablishment(e.establishmentId(),
                        e.name(), e.kind(), e.industry(), e.departmentId(), e.townId(), e.unitId(), e.flags(),
                        e.employeeCount(), tenancy(e.landlordId(), e.status()), null, e.revision()), e.changedAt()))
                .on(EstablishmentChanged.class, e -> known.applyIfNewer(new KnownEstablishment(e.establishmentId(),
                        e.name(), e.kind(), e.industry(), e.departmentId(), e.townId(), e.unitId(), e.flags(),
                        e.employeeCount(), tenancy(e.landlordId(), e.status()), null, e.revision()), e.changedAt()))
                .on(InspectorBound.class, e -> known.bindings().bind(e.inspectorId(), e.unitId(), e.townId(),
                        e.boundAt()))
                .on(InspectorUnbound.class, e -> known.bindings().unbind(e.inspectorId(), e.unitId(),
                        e.unboundAt()))
                .build();
    }

    /**
     * A closed establishment (关闭/注销) no longer works on its landlord's premises: it is no tenant the 厂中厂 drill
     * must cover (grid keeps the link in its register as history).
     */
    private static String tenancy(String landlordId, String status) {
        return EstablishmentSnapshot.CLOSED.equals(status) ? null : landlordId;
    }

    @KafkaListener(topics = Topics.GRID, groupId = "training-service")
    void on(CloudEvent event) {
        router.route(event);
    }
}
