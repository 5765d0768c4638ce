package org.liuhua.kit.messaging;

import java.time.Clock;
import java.util.UUID;

import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.MongoStandIn;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessedEventsTest {

    private final ProcessedEvents ledger = new ProcessedEvents(new MongoTemplate(
            MongoClients.create(MongoStandIn.uri("ledger-test")), "ledger-test"), Clock.systemUTC());

    @Test
    void anEventIsAppliedOncePerConsumer() {
        String eventId = UUID.randomUUID().toString();
        assertThat(ledger.markApplied("reporting", eventId)).isTrue();
        assertThat(ledger.markApplied("reporting", eventId)).as("a redelivery").isFalse();
        assertThat(ledger.markApplied("grid", eventId)).as("another consumer has its own ledger").isTrue();
    }

    @Test
    void aFailedEffectReleasesItsClaimSoARedeliveryAppliesIt() {
        String eventId = UUID.randomUUID().toString();
        assertThat(ledger.markApplied("reporting", eventId)).isTrue();
        ledger.forget("reporting", eventId);
        assertThat(ledger.markApplied("reporting", eventId)).as("the redelivery after a failure").isTrue();
    }
}
