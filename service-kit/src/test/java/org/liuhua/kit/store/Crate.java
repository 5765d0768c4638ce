package org.liuhua.kit.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.outbox.ParcelSent;

/** A test aggregate without a single Spring annotation: nested values, a list, an instant. */
class Crate extends AggregateRoot {

    record Dimensions(int width, int height) {
    }

    String id;
    String owner;
    Dimensions dimensions;
    List<String> labels = new ArrayList<>();
    Instant packedAt;
    int shipped;

    Crate() {
    }

    Crate(String id, String owner) {
        this.id = id;
        this.owner = owner;
    }

    void ship() {
        shipped++;
        registerEvent(new ParcelSent(id, shipped));
    }

    void label(String label) {
        labels.add(label);
    }

    @Override
    public String aggregateId() {
        return id;
    }
}
