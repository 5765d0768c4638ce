package org.liuhua.kit.outbox;

/**
 * A collection whose documents carry an embedded outbox, contributed by a kit feature rather than listed by the
 * service in {@code liuhua.outbox.collections} (the audit log is one). The relay publishes the union of both.
 */
public record OutboxCollection(String name) {
}
