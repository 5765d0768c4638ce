package org.liuhua.kit.outbox;

import org.liuhua.kit.domain.AggregateRoot;

/**
 * A minimal aggregate, the shape every service's aggregates take: plain Java without Spring annotations (the field
 * {@code id} becomes {@code _id}), a state-changing method that registers a payload, and no outbox of its own (the
 * {@link org.liuhua.kit.store.AggregateStore} wraps the payloads into the document's outbox).
 */
public class Parcel extends AggregateRoot {

    String id;
    String label;
    String trackingCode;
    int sent;

    Parcel() {
    }

    Parcel(String id) {
        this.id = id;
    }

    Parcel(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** Sends the parcel once more: the event carries the running number of sends. */
    int send() {
        sent++;
        registerEvent(new ParcelSent(id, sent));
        return sent;
    }

    /** A change without an event. */
    void relabel(String label) {
        this.label = label;
    }

    @Override
    public String aggregateId() {
        return id;
    }
}
