package org.liuhua.kit.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The consumers' error handler, driven as the listener container drives it: a thrown handler means "not recovered,
 * seek back, commit nothing"; a normal return means the record was dead-lettered and the partition moves on.
 */
class ConsumerErrorHandlerTest {

    private static final TopicPartition PARTITION = new TopicPartition("liuhua.grid", 0);
    private static final ConsumerRecord<?, ?> RECORD = new ConsumerRecord<>("liuhua.grid", 0, 41L, "est-1", "event");

    private final List<ConsumerRecord<?, ?>> deadLettered = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final MessageListenerContainer container = container(running);
    private final Consumer<?, ?> consumer = mock(Consumer.class);

    @Test
    void aRecordFailingForAStoreOutageIsRetriedWithoutEndAndPoisonAfterwardsIsDeadLetteredAfterTheQuickRetries() {
        ConsumerErrorHandler handler = handler(Duration.ofMillis(1));

        for (int attempt = 0; attempt < 50; attempt++) {
            assertThatThrownBy(() -> handle(handler, new DataAccessResourceFailureException("Timed out",
                    new com.mongodb.MongoTimeoutException("no server")))).as("not recovered: seek back");
        }
        assertThat(deadLettered).as("50 attempts in an outage, far beyond the 3 quick retries").isEmpty();
        verify(consumer, times(50)).seek(PARTITION, 41L);

        for (int retry = 0; retry < 3; retry++) {
            assertThatThrownBy(() -> handle(handler, new IllegalArgumentException("the event breaks a rule")));
        }
        handle(handler, new IllegalArgumentException("the event breaks a rule"));
        assertThat(deadLettered).containsExactly(RECORD);
    }

    @Test
    void aBatchListenerWaitsAtTheRecordItNamesWhileTheStoreIsAway() {
        ConsumerErrorHandler handler = handler(Duration.ofMillis(1));
        List<ConsumerRecord<Object, Object>> batch = List.of(record(40), record(41), record(42));
        ConsumerRecords<Object, Object> records = new ConsumerRecords<>(Map.of(PARTITION, batch), Map.of());

        for (int attempt = 0; attempt < 20; attempt++) {
            assertThatThrownBy(() -> handler.handleBatchAndReturnRemaining(new BatchListenerFailedException(
                    "hazards cannot apply", new DataAccessResourceFailureException("store away"), 1), records,
                    consumer, container, () -> { }));
        }
        assertThat(deadLettered).isEmpty();
        verify(consumer, times(20)).seek(PARTITION, 41L);
    }

    @Test
    void theStopEndsTheOutagePauseAtOnceAndLeavesTheRecordInPlace() {
        ConsumerErrorHandler handler = handler(Duration.ofSeconds(30));
        new Thread(() -> {
            sleep(300);
            running.set(false);
        }).start();

        long start = System.nanoTime();
        assertThatThrownBy(() -> handle(handler, new DataAccessResourceFailureException("store away")));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("stopped within a 30 s pause")
                .isLessThan(Duration.ofSeconds(2));
        assertThat(deadLettered).isEmpty();
        verify(consumer).seek(PARTITION, 41L);
    }

    @Test
    void aRecordFailingWhileTheContainerStopsIsNeitherCountedNorDeadLettered() {
        ConsumerErrorHandler handler = new ConsumerErrorHandler((record, e) -> deadLettered.add(record),
                new FixedBackOff(0, 0), new ExponentialBackOff(1, 2));
        running.set(false);

        assertThatThrownBy(() -> handle(handler, new IllegalStateException("state should be: open")))
                .as("poison with no retries would be dead-lettered at once, were the container running");

        assertThat(deadLettered).isEmpty();
        verify(consumer).seek(PARTITION, 41L);
        verify(consumer, never()).commitSync(any(java.util.Map.class));
    }

    private static ConsumerRecord<Object, Object> record(long offset) {
        return new ConsumerRecord<>("liuhua.grid", 0, offset, "est-1", "event");
    }

    private ConsumerErrorHandler handler(Duration outagePause) {
        ExponentialBackOff outage = new ExponentialBackOff(outagePause.toMillis(), 2.0);
        outage.setMaxInterval(outagePause.toMillis());
        return new ConsumerErrorHandler((record, e) -> deadLettered.add(record), new FixedBackOff(0, 3), outage);
    }

    private void handle(ConsumerErrorHandler handler, Exception failure) {
        handler.handleRemaining(new ListenerExecutionFailedException("Listener method threw", failure),
                List.of(RECORD), consumer, container);
    }

    private static MessageListenerContainer container(AtomicBoolean running) {
        MessageListenerContainer container = mock(MessageListenerContainer.class);
        when(container.isRunning()).thenAnswer(invocation -> running.get());
        when(container.getContainerProperties()).thenReturn(new ContainerProperties("liuhua.grid"));
        return container;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
