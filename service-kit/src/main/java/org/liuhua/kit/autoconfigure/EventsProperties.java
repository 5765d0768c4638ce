package org.liuhua.kit.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service publishes and consumes events.
 *
 * @param source       the service's name in the events it publishes (CloudEvents {@code source}
 *                     {@code /liuhua/<source>}) and in its audit entries; defaults to {@code spring.application.name}
 *                     (kit defaults)
 * @param topic        the service's own topic, created with its dead-letter topic at start-up; none when not set
 * @param partitions   partitions of the own topic (default 3)
 * @param retries      how often a failing record is retried before it goes to the dead-letter topic (default 3)
 * @param retryBackoff the pause between those retries (default 300 ms)
 * @param outageBackoff      the first pause before a record that failed because the store is away is tried again
 *                           (default 500 ms); it doubles per attempt. Such a record is never dead-lettered
 *                           ({@link org.liuhua.kit.store.StoreOutage} says which failures count)
 * @param outageBackoffMax   the longest of those pauses (default 30 s; keep it well under Kafka's
 *                           {@code max.poll.interval.ms}, 5 minutes)
 * @param outageGiveUpAfter  the sum of pauses after which such a record is dead-lettered after all: by default
 *                           never (null), a record waits for the store however long the outage lasts
 * @param retention    how long the own topic keeps its events ({@code retention.ms} of the created topic): by default
 *                     forever (-1), because read models are rebuilt by replaying the topics from the beginning
 *                     (ADR 9); a positive duration limits it (only for a topic nobody rebuilds from). Dead-letter
 *                     topics keep 90 days. The deployed topics declare the same in deploy/k8s/base/kafka/topics.yaml
 */
@ConfigurationProperties("liuhua.events")
public record EventsProperties(String source, String topic, Integer partitions, Integer retries,
                               Duration retryBackoff, Duration retention, Duration outageBackoff,
                               Duration outageBackoffMax, Duration outageGiveUpAfter) {

    /** Kafka's "keep forever" ({@code retention.ms=-1}). */
    public static final Duration FOREVER = Duration.ofMillis(-1);
    /** How long dead letters are kept. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(90);

    /** {@code retention.ms} of the own topic: -1 for forever. */
    public String retentionMs() {
        return String.valueOf(retention.toMillis());
    }

    public EventsProperties {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException(
                    "liuhua.events.source is empty: give the service a spring.application.name");
        }
        topic = topic == null || topic.isBlank() ? null : topic;
        partitions = partitions == null || partitions <= 0 ? 3 : partitions;
        retries = retries == null || retries < 0 ? 3 : retries;
        retryBackoff = retryBackoff == null || retryBackoff.isNegative() ? Duration.ofMillis(300) : retryBackoff;
        outageBackoff = outageBackoff == null || outageBackoff.isNegative() || outageBackoff.isZero()
                ? Duration.ofMillis(500) : outageBackoff;
        outageBackoffMax = outageBackoffMax == null ? Duration.ofSeconds(30) : outageBackoffMax;
        outageBackoffMax = outageBackoffMax.compareTo(outageBackoff) < 0 ? outageBackoff : outageBackoffMax;
        outageGiveUpAfter = outageGiveUpAfter == null || outageGiveUpAfter.isNegative() || outageGiveUpAfter.isZero()
                ? null : outageGiveUpAfter;
        retention = retention == null || retention.isZero() || retention.isNegative() ? FOREVER : retention;
    }
}
