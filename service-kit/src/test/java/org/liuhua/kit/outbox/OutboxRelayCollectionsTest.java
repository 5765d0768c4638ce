package org.liuhua.kit.outbox;

import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxRelayCollectionsTest {

    @Test
    void aServiceWithNoCollectionsOfItsOwnStillRelaysTheContributedOnes() {
        OutboxRelay relay = new OutboxRelay(null, null, new OutboxProperties(null, null, 0, null, null),
                List.of("audit_log"), null, "reporting-service", new SimpleMeterRegistry());

        assertThat(relay.collections()).containsExactly("audit_log");
    }

    @Test
    void theServicesCollectionsComeFirstAndNoneIsRelayedTwice() {
        OutboxRelay relay = new OutboxRelay(null, null,
                new OutboxProperties(List.of("hazards", "audit_log"), null, 0, null, null),
                List.of("audit_log"), null, "hazard-service", new SimpleMeterRegistry());

        assertThat(relay.collections()).containsExactly("hazards", "audit_log");
    }

    @Test
    void withNothingToRelayAPassDoesNothing() {
        OutboxRelay relay = new OutboxRelay(null, null, new OutboxProperties(null, null, 0, null, null),
                List.of(), null, "quiet-service", new SimpleMeterRegistry());

        assertThat(relay.relayOnce()).isZero();
    }
}
