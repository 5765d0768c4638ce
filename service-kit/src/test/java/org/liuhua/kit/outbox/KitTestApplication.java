package org.liuhua.kit.outbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cloudevents.CloudEvent;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@SpringBootApplication
public class KitTestApplication {

    public static final String TOPIC = "liuhua.kittest";

    @Component
    static class ParcelListener {

        final List<ParcelSent> received = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = TOPIC, groupId = "kit-test")
        void on(CloudEvent event) {
            ParcelSent parcel = EventJson.read(event, ParcelSent.class);
            if (parcel.sequence() < 0) {
                throw new IllegalArgumentException("negative sequence cannot be applied");
            }
            received.add(parcel);
        }
    }
}
