package org.liuhua.kit.messaging;

import java.time.Duration;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.liuhua.events.Topics;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Builds the consumers' error handler ({@link ConsumerErrorHandler}): a record that fails because the store is away
 * is retried with the outage back-off until the store is back and never dead-lettered; any other failing record is
 * retried a bounded number of times, then published to {@code <topic>.DLT} (with the exception in its headers) and
 * the partition moves on. A record that cannot even be deserialized goes to the dead-letter topic at once, as the raw
 * bytes it arrived with.
 */
public final class DeadLetterConfiguration {

    private DeadLetterConfiguration() {
    }

    /**
     * @param backOff       the pause between the quick retries of a poison record
     * @param retries       how often a poison record is retried before it is dead-lettered
     * @param outageBackOff the pause after a store outage failure, then doubled per attempt up to {@code outageMax}
     * @param outageMax     the longest pause (keep it well under {@code max.poll.interval.ms}, 5 minutes)
     * @param giveUpAfter   the sum of pauses after which a record failing for an outage is dead-lettered after all;
     *                      null: never
     */
    public static DefaultErrorHandler errorHandler(Map<String, Object> producerProperties, Duration backOff,
                                                   long retries, Duration outageBackOff, Duration outageMax,
                                                   Duration giveUpAfter) {
        Map<String, Object> props = new java.util.HashMap<>(producerProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        Map<Class<?>, Serializer<?>> byType = new java.util.LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(CloudEvent.class, new CloudEventSerializer());
        ProducerFactory<String, Object> factory = new DefaultKafkaProducerFactory<>(props, new StringSerializer(),
                new DelegatingByTypeSerializer(byType, true));
        KafkaTemplate<String, Object> template = new KafkaTemplate<>(factory);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        ExponentialBackOff outage = new ExponentialBackOff(outageBackOff.toMillis(), 2.0);
        outage.setMaxInterval(Math.max(outageMax.toMillis(), outageBackOff.toMillis()));
        if (giveUpAfter != null) {
            outage.setMaxElapsedTime(giveUpAfter.toMillis());
        }
        return new ConsumerErrorHandler(recoverer, new FixedBackOff(backOff.toMillis(), retries), outage);
    }
}
