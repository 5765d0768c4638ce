package org.liuhua.kit.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Base of every aggregate that publishes events. A state-changing method checks its rule, changes the fields and
 * {@link #registerEvent registers} the plain payload record of what happened; it knows nothing of outboxes, JSON,
 * trace headers or the store. The store ({@code org.liuhua.kit.store.AggregateStore}) writes the changed fields and
 * only the newly registered events in one single-document write guarded by {@link #version()}, so events already
 * published can never be written back by a stale copy, and a concurrent change of the same aggregate fails instead
 * of overwriting it.
 *
 * <p>Subclasses need a field {@code id} (mapped to {@code _id}) and a no-argument constructor for the mapping.
 */
public abstract class AggregateRoot {

    /** Guards concurrent writes: the store writes only when the stored version still equals this one. */
    private long version;

    /** Registered since the aggregate was loaded or created; never stored as a field (the store strips it). */
    private transient List<Object> registeredEvents = new ArrayList<>();

    /** The record key of each registered event, null for the aggregate id; never stored (the store strips it). */
    private transient List<String> registeredKeys = new ArrayList<>();

    /** The aggregate's identity, also the key of every event it publishes. */
    public abstract String aggregateId();

    /** Records that something happened; the payload is an {@code @EventType} record from event-contracts. */
    protected final void registerEvent(Object payload) {
        registerEvent(payload, null);
    }

    /**
     * Records that something happened, published under another record key than the aggregate's id (e.g. one key per
     * finding recorded on a patrol, so that consumers see each finding's events in order).
     */
    protected final void registerEvent(Object payload, String key) {
        if (payload == null) {
            throw new IllegalArgumentException("an event payload is required");
        }
        events().add(payload);
        keys().add(key);
    }

    /** The payloads registered since the last write, in order. */
    public final List<Object> registeredEvents() {
        return Collections.unmodifiableList(events());
    }

    /** The record key of the registered event at this index: the aggregate's id unless it was given another. */
    public final String registeredKey(int index) {
        String key = keys().get(index);
        return key == null ? aggregateId() : key;
    }

    /** Called by the store after a successful write. */
    public final void markWritten(long newVersion) {
        this.version = newVersion;
        events().clear();
        keys().clear();
    }

    public final long version() {
        return version;
    }

    private List<Object> events() {
        if (registeredEvents == null) {
            // mapping libraries may bypass field initialisers
            registeredEvents = new ArrayList<>();
        }
        return registeredEvents;
    }

    private List<String> keys() {
        if (registeredKeys == null) {
            registeredKeys = new ArrayList<>();
        }
        return registeredKeys;
    }
}
