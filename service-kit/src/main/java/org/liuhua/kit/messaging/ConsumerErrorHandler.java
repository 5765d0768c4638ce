package org.liuhua.kit.messaging;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.SeekUtils;
import org.springframework.util.backoff.BackOff;
import org.liuhua.kit.store.StoreOutage;

/**
 * The consumers' error handler; it tells two kinds of failure apart by the whole cause chain ({@link StoreOutage}):
 * <ul>
 *   <li><b>the store is away</b>: the record is retried with the outage back-off (exponential, capped) for as long
 *   as the outage lasts, and is never dead-lettered; the partition waits at that record, whose offset is not
 *   committed, so the consumer's place is kept through a restart too;</li>
 *   <li><b>anything else</b> (a poison message): a few quick retries, then the record goes to the dead-letter
 *   topic and the partition moves on. A record that is not a CloudEvent at all goes there at once.</li>
 * </ul>
 * Record and batch listeners alike (a batch listener names its failing record with a
 * {@code BatchListenerFailedException}; the records before it are committed). The pause between attempts ends as
 * soon as the container stops, and a record that fails while the container is stopping is left where it is (no retry
 * count, no dead letter, no commit): the next start reads it again.
 */
public class ConsumerErrorHandler extends DefaultErrorHandler {

    private static final LogAccessor LOG = new LogAccessor(ConsumerErrorHandler.class);
    /** Whether the failure being handled on this consumer thread is a store outage (read by the back-off choice). */
    private static final ThreadLocal<Boolean> OUTAGE = ThreadLocal.withInitial(() -> Boolean.FALSE);

    public ConsumerErrorHandler(ConsumerRecordRecoverer deadLetters, BackOff poisonBackOff, BackOff outageBackOff) {
        super(deadLetters, poisonBackOff);
        // the retry state starts afresh when the failure changes kind (its root cause's class), so the back-off is
        // chosen again: a record whose outage ended but that then fails as poison is dead-lettered after the few
        // quick retries
        setBackOffFunction((record, exception) -> OUTAGE.get() ? outageBackOff : null);
    }

    @Override
    public void handleRemaining(Exception thrown, List<ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer,
                                MessageListenerContainer container) {
        if (!container.isRunning()) {
            leaveInPlace(thrown, records, consumer, container);
            return;
        }
        classified(thrown, records.get(0), () -> super.handleRemaining(thrown, records, consumer, container));
    }

    /** A batch listener (reporting's projections) names the failing record in a {@code BatchListenerFailedException}. */
    @Override
    public <K, V> ConsumerRecords<K, V> handleBatchAndReturnRemaining(Exception thrown, ConsumerRecords<?, ?> data,
                                                                      Consumer<?, ?> consumer,
                                                                      MessageListenerContainer container,
                                                                      Runnable invokeListener) {
        if (!container.isRunning()) {
            leaveInPlace(thrown, records(data), consumer, container);
            return ConsumerRecords.empty();
        }
        List<ConsumerRecords<K, V>> remaining = new ArrayList<>(1);
        classified(thrown, data.isEmpty() ? null : data.iterator().next(), () -> remaining.add(
                super.handleBatchAndReturnRemaining(thrown, data, consumer, container, invokeListener)));
        return remaining.get(0);
    }

    @Override
    public void handleBatch(Exception thrown, ConsumerRecords<?, ?> data, Consumer<?, ?> consumer,
                            MessageListenerContainer container, Runnable invokeListener) {
        if (!container.isRunning()) {
            leaveInPlace(thrown, records(data), consumer, container);
            return;
        }
        classified(thrown, data.isEmpty() ? null : data.iterator().next(),
                () -> super.handleBatch(thrown, data, consumer, container, invokeListener));
    }

    /** Runs the default handling with the back-off chosen by the kind of failure. */
    private static void classified(Exception thrown, ConsumerRecord<?, ?> first, Runnable handling) {
        boolean outage = StoreOutage.isCause(thrown);
        if (outage && first != null) {
            LOG.warn(() -> "the store is away (" + NestedExceptionUtils.getMostSpecificCause(thrown) + "): "
                    + first.topic() + "-" + first.partition() + "@" + first.offset()
                    + " waits and is retried until it is back");
        }
        OUTAGE.set(outage);
        try {
            handling.run();
        } finally {
            OUTAGE.remove();
        }
    }

    /** Stopping: seek back and throw, so nothing is committed past the records and nothing is recovered. */
    private static void leaveInPlace(Exception thrown, List<ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer,
                                     MessageListenerContainer container) {
        SeekUtils.seekOrRecover(thrown, records, consumer, container, false, (record, e) -> false, LOG,
                KafkaException.Level.DEBUG);
    }

    private static List<ConsumerRecord<?, ?>> records(ConsumerRecords<?, ?> data) {
        List<ConsumerRecord<?, ?>> records = new ArrayList<>();
        data.forEach(records::add);
        return records;
    }
}
