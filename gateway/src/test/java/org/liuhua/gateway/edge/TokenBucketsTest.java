package org.liuhua.gateway.edge;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final TokenBuckets buckets = new TokenBuckets(
            new EdgeProperties.RateLimit(true, 50, Duration.ofSeconds(1), 100), now::get);

    @Test
    void aBurstUpToTheBucketSizePassesThenTheClientWaitsForRefill() {
        for (int i = 0; i < 100; i++) {
            assertThat(buckets.tryConsume("client:cockpit").allowed()).isTrue();
        }
        TokenBuckets.Decision refused = buckets.tryConsume("client:cockpit");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(20));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(buckets.tryConsume("client:demo-firm").allowed()).isTrue();
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        for (int i = 0; i < 100; i++) {
            buckets.tryConsume("client:cli");
        }
        now.addAndGet(Duration.ofMillis(100).toNanos());

        int allowed = 0;
        while (buckets.tryConsume("client:cli").allowed()) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(5);
    }

    @Test
    void idleBucketsAreDropped() {
        buckets.tryConsume("address:10.0.0.1");
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        buckets.tryConsume("address:10.0.0.2");

        assertThat(buckets.size()).isEqualTo(1);
    }
}
