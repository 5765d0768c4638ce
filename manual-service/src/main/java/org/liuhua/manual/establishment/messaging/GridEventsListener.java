package org.liuhua.manual.establishment.messaging;

import java.util.List;

import io.cloudevents.CloudEvent;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.EstablishmentChanged;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.kit.messaging.EventRouter;
import org.liuhua.manual.establishment.KnownEstablishments;
import org.liuhua.manual.establishment.domain.KnownEstablishment;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * grid-service's establishment snapshots (registered and changed alike) become manual-service's local copies; the
 * highest revision wins, so redelivery and reordering are harmless. Every other grid event is ignored.
 */
@Component
class GridEventsListener {

    /** The fields of an establishment snapshot manual-service keeps (grid-service's events carry more). */
    record Snapshot(String establishmentId, String name, String kind, String industry, String departmentId,
                    String townId, String unitId, List<String> flags, String clusterId, long revision) {
    }

    private final EventRouter router;

    GridEventsListener(KnownEstablishments establishments) {
        this.router = EventRouter.named("manual-service/grid")
                .on(EstablishmentRegistered.class, Snapshot.class, (s, e) -> establishments.applyIfNewer(copy(s)))
                .on(EstablishmentChanged.class, Snapshot.class, (s, e) -> establishments.applyIfNewer(copy(s)))
                .build();
    }

    @KafkaListener(topics = Topics.GRID, groupId = "manual-service")
    void on(CloudEvent event) {
        router.route(event);
    }

    private static KnownEstablishment copy(Snapshot s) {
        return new KnownEstablishment(s.establishmentId(), s.name(), s.kind(), s.industry(), s.departmentId(),
                s.townId(), s.unitId(), s.flags(), s.clusterId(), s.revision());
    }
}
