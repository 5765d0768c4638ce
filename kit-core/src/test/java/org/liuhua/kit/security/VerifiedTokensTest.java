package org.liuhua.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    record Checked(String subject, Instant expiresAt) {
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final VerifiedTokens<Checked> tokens = new VerifiedTokens<>(3, clock, Checked::expiresAt);

    @Test
    void aCheckedTokenIsAnsweredUntilItExpiresAndNeverAfter() {
        Checked checked = new Checked("inspector", clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(tokens.get("a.b.c")).isNull();
        assertThat(tokens.put("a.b.c", checked)).isSameAs(checked);
        assertThat(tokens.get("a.b.c")).isSameAs(checked);
        assertThat(tokens.get("a.b.x")).as("only the exact token that passed").isNull();
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(tokens.get("a.b.c")).isSameAs(checked);
        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.get("a.b.c")).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenWithoutExpiryOrAlreadyExpiredIsNotKept() {
        tokens.put("no-exp", new Checked("x", null));
        tokens.put("expired", new Checked("x", clock.instant()));
        assertThat(tokens.get("no-exp")).isNull();
        assertThat(tokens.get("expired")).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void whenFullExpiredEntriesGoFirstThenAll() {
        Instant soon = clock.instant().plusSeconds(10);
        Instant later = clock.instant().plusSeconds(600);
        tokens.put("t1", new Checked("1", soon));
        tokens.put("t2", new Checked("2", later));
        tokens.put("t3", new Checked("3", later));
        clock.advance(Duration.ofSeconds(10));
        tokens.put("t4", new Checked("4", later));
        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.get("t2")).isNotNull();
        tokens.put("t5", new Checked("5", later));
        assertThat(tokens.size()).isEqualTo(1);
        assertThat(tokens.get("t5")).isNotNull();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
