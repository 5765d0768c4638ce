package org.liuhua.manual.handbook.messaging;

import io.cloudevents.CloudEvent;
import org.liuhua.events.Topics;
import org.liuhua.events.manual.TemplatePublished;
import org.liuhua.kit.messaging.EventRouter;
import org.liuhua.manual.handbook.Handbooks;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * When a newer version of a template is published, its adopters' handbooks show it as waiting for re-confirmation
 * (and their completeness event says so). Idempotent: an adoption only ever moves its known newest version up.
 */
@Component
class TemplateEventsListener {

    private final EventRouter router;

    TemplateEventsListener(Handbooks handbooks) {
        this.router = EventRouter.named("manual-service/templates")
                .on(TemplatePublished.class, p -> handbooks.newerVersionPublished(p.templateId(), p.version()))
                .build();
    }

    @KafkaListener(topics = Topics.MANUAL, groupId = "manual-service-handbooks")
    void on(CloudEvent event) {
        router.route(event);
    }
}
