package org.liuhua.kit.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.MongoStandIn;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class MongoLeaseTest {

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(MongoStandIn.uri("lease-test")),
            "lease-test");

    @Test
    void oneOwnerAtATimeUntilTheLeaseExpiresOrIsReleased() {
        Instant t0 = Instant.parse("2026-11-01T08:00:00Z");
        String name = "job-" + System.nanoTime();
        MongoLease first = new MongoLease(mongo, Clock.fixed(t0, ZoneOffset.UTC), "first");
        MongoLease second = new MongoLease(mongo, Clock.fixed(t0.plusSeconds(5), ZoneOffset.UTC), "second");
        MongoLease secondLater = new MongoLease(mongo, Clock.fixed(t0.plusSeconds(20), ZoneOffset.UTC), "second");

        assertThat(first.tryAcquire(name, Duration.ofSeconds(10))).isTrue();
        assertThat(first.tryAcquire(name, Duration.ofSeconds(10))).as("renewal by the holder").isTrue();
        assertThat(second.tryAcquire(name, Duration.ofSeconds(10))).as("held by first").isFalse();
        assertThat(secondLater.tryAcquire(name, Duration.ofSeconds(10))).as("expired").isTrue();
        secondLater.release(name);
        assertThat(first.tryAcquire(name, Duration.ofSeconds(10))).as("released").isTrue();
    }

    @Test
    void aNamedLeaseIsHeldForItsConfiguredTimeToLive() {
        Instant t0 = Instant.parse("2026-11-01T08:00:00Z");
        String name = "escalation-" + System.nanoTime();
        LeaseProperties ttls = new LeaseProperties(Duration.ofSeconds(10), Map.of(name, Duration.ofMinutes(4)));
        MongoLease first = new MongoLease(mongo, Clock.fixed(t0, ZoneOffset.UTC), "first", ttls);

        assertThat(first.tryAcquire(name)).isTrue();
        assertThat(new MongoLease(mongo, Clock.fixed(t0.plusSeconds(230), ZoneOffset.UTC), "second", ttls)
                .tryAcquire(name)).as("held for 4 minutes, not the default 10 s").isFalse();
        assertThat(new MongoLease(mongo, Clock.fixed(t0.plusSeconds(241), ZoneOffset.UTC), "second", ttls)
                .tryAcquire(name)).as("expired after 4 minutes").isTrue();
        assertThat(ttls.ttlOf("any-other")).isEqualTo(Duration.ofSeconds(10));
    }
}
