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
 */
@ConfigurationProperties("liuhua.events")
public record EventsProperties(String source, String topic, Integer partitions, Integer retries,
                               Duration retryBackoff) {

    public EventsProperties {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException(
                    "liuhua.events.source is empty: give the service a spring.application.name");
        }
        topic = topic == null || topic.isBlank() ? null : topic;
        partitions = partitions == null || partitions <= 0 ? 3 : partitions;
        retries = retries == null || retries < 0 ? 3 : retries;
        retryBackoff = retryBackoff == null || retryBackoff.isNegative() ? Duration.ofMillis(300) : retryBackoff;
    }
}
