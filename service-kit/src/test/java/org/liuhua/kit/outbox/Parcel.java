package org.liuhua.kit.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A minimal aggregate with an embedded outbox, the shape every service's aggregates take. */
public class Parcel {

    @Id
    String id;
    @Version
    Long version;
    int sent;
    List<OutboxEvent> outbox = new ArrayList<>();

    Parcel() {
    }

    Parcel(String id) {
        this.id = id;
    }

    void send(Instant now) {
        sent++;
        outbox.add(OutboxEvent.of(id, new ParcelSent(id, sent), now));
    }
}
