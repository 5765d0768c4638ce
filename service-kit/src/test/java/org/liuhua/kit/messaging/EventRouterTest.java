package org.liuhua.kit.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.mongodb.client.MongoClients;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.junit.jupiter.api.Test;
import org.liuhua.events.EventType;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.outbox.ParcelSent;
import org.liuhua.kit.test.MongoStandIn;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRouterTest {

    @EventType(value = "liuhua.kittest.parcel-lost.v1", topic = "liuhua.kittest")
    record ParcelLost(String parcelId, int sequence, String reason) {
    }

    /** What a consumer reads from either parcel event: the fields it needs, nothing more. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ParcelView(String parcelId, int sequence) {
    }

    record NotAnEvent(String parcelId) {
    }

    static CloudEvent event(String type, Object payload) {
        return event(UUID.randomUUID().toString(), type, payload);
    }

    static CloudEvent event(String id, String type, Object payload) {
        return CloudEventBuilder.v1().withId(id).withType(type).withSource(URI.create("/test"))
                .withSubject("parcel-1").withDataContentType("application/json")
                .withData(EventJson.write(payload).getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void eachTypeReachesItsTypedHandler() {
        List<Object> handled = new ArrayList<>();
        EventRouter router = EventRouter.named("test")
                .on(ParcelSent.class, p -> handled.add(p))
                .on(ParcelLost.class, (lost, envelope) -> handled.add(lost.reason() + "@" + envelope.getSubject()))
                .build();

        assertThat(router.route(event("liuhua.kittest.parcel-sent.v1", new ParcelSent("parcel-1", 3)))).isTrue();
        assertThat(router.route(event("liuhua.kittest.parcel-lost.v1", new ParcelLost("parcel-1", 4, "rain"))))
                .isTrue();

        assertThat(handled).containsExactly(new ParcelSent("parcel-1", 3), "rain@parcel-1");
        assertThat(router.types()).containsExactlyInAnyOrder("liuhua.kittest.parcel-sent.v1",
                "liuhua.kittest.parcel-lost.v1");
    }

    @Test
    void anUnknownTypeIsIgnored() {
        AtomicInteger calls = new AtomicInteger();
        EventRouter router = EventRouter.named("test").on(ParcelSent.class, p -> calls.incrementAndGet()).build();

        assertThat(router.route(event("liuhua.kittest.parcel-found.v1", new ParcelSent("parcel-1", 1)))).isFalse();
        assertThat(router.route(CloudEventBuilder.v1().withId("no-data").withType("liuhua.kittest.other.v1")
                .withSource(URI.create("/test")).build())).as("not even its data is read").isFalse();
        assertThat(calls).hasValue(0);
    }

    @Test
    void severalTypesAreReadAsOneViewAndUnknownFieldsAreTolerated() {
        List<String> seen = new ArrayList<>();
        EventRouter router = EventRouter.named("test")
                .on(ParcelSent.class, ParcelView.class, (view, e) -> seen.add(e.getType() + " " + view))
                .on(ParcelLost.class, ParcelView.class, (view, e) -> seen.add(e.getType() + " " + view))
                .build();

        router.route(event("liuhua.kittest.parcel-sent.v1", new ParcelSent("parcel-1", 1)));
        router.route(event("liuhua.kittest.parcel-lost.v1", new ParcelLost("parcel-1", 2, "a field the view lacks")));

        assertThat(seen).containsExactly(
                "liuhua.kittest.parcel-sent.v1 ParcelView[parcelId=parcel-1, sequence=1]",
                "liuhua.kittest.parcel-lost.v1 ParcelView[parcelId=parcel-1, sequence=2]");
    }

    @Test
    void aPayloadWithNewFieldsIsStillReadAsTheRecord() {
        List<ParcelSent> handled = new ArrayList<>();
        EventRouter router = EventRouter.named("test").on(ParcelSent.class, p -> handled.add(p)).build();

        router.route(event("liuhua.kittest.parcel-sent.v1", new ParcelLost("parcel-1", 5, "a newer producer")));

        assertThat(handled).containsExactly(new ParcelSent("parcel-1", 5));
    }

    @Test
    void twoHandlersForOneTypeAreRefusedWhenTheRouterIsBuilt() {
        assertThatThrownBy(() -> EventRouter.named("test").on(ParcelSent.class, p -> { })
                .on(ParcelSent.class, ParcelView.class, (v, e) -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("liuhua.kittest.parcel-sent.v1");
        assertThatThrownBy(() -> EventRouter.named("test").on(NotAnEvent.class, p -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@EventType");
    }

    @Test
    void anEventWithoutDataOrWithUnreadableDataFailsSoTheErrorHandlerRetriesAndDeadLettersIt() {
        EventRouter router = EventRouter.named("test").on(ParcelSent.class, p -> { }).build();

        assertThatThrownBy(() -> router.route(CloudEventBuilder.v1().withId("e-1")
                .withType("liuhua.kittest.parcel-sent.v1").withSource(URI.create("/test")).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("e-1");
        CloudEvent garbage = CloudEventBuilder.v1().withId("e-2").withType("liuhua.kittest.parcel-sent.v1")
                .withSource(URI.create("/test")).withData("not json".getBytes(StandardCharsets.UTF_8)).build();
        assertThatThrownBy(() -> router.route(garbage)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aHandlerFailureReachesTheCaller() {
        EventRouter router = EventRouter.named("test").on(ParcelSent.class, p -> {
            throw new IllegalStateException("cannot apply " + p.sequence());
        }).build();

        assertThatThrownBy(() -> router.route(event("liuhua.kittest.parcel-sent.v1", new ParcelSent("p", 9))))
                .isInstanceOf(IllegalStateException.class).hasMessage("cannot apply 9");
    }

    @Test
    void withALedgerAnEventIsAppliedOnceThoughDeliveredTwice() {
        ProcessedEvents ledger = ledger();
        AtomicInteger applied = new AtomicInteger();
        EventRouter router = EventRouter.named("notifier-" + UUID.randomUUID()).on(ParcelSent.class,
                p -> applied.incrementAndGet()).deduplicatedBy(ledger).build();
        CloudEvent sent = event("liuhua.kittest.parcel-sent.v1", new ParcelSent("parcel-1", 1));

        assertThat(router.route(sent)).isTrue();
        assertThat(router.route(sent)).as("the redelivery").isFalse();
        assertThat(router.route(event("liuhua.kittest.parcel-sent.v1", new ParcelSent("parcel-1", 2)))).isTrue();
        assertThat(applied).hasValue(2);
    }

    @Test
    void withALedgerAFailedHandlerReleasesItsClaimSoTheRetryApplies() {
        ProcessedEvents ledger = ledger();
        String consumer = "notifier-" + UUID.randomUUID();
        AtomicInteger attempts = new AtomicInteger();
        EventRouter router = EventRouter.named(consumer).on(ParcelSent.class, p -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("mail server down");
            }
        }).deduplicatedBy(ledger).build();
        CloudEvent sent = event("evt-" + UUID.randomUUID(), "liuhua.kittest.parcel-sent.v1",
                new ParcelSent("parcel-1", 1));

        assertThatThrownBy(() -> router.route(sent)).hasMessage("mail server down");
        assertThat(router.route(sent)).as("the retry").isTrue();
        assertThat(router.route(sent)).as("a redelivery after success").isFalse();
        assertThat(attempts).hasValue(2);
        assertThat(ledger.markApplied(consumer, sent.getId())).as("recorded as applied").isFalse();
    }

    @Test
    void withALedgerDeliveriesRacingEachOtherApplyTheEventOnce() throws Exception {
        AtomicInteger applied = new AtomicInteger();
        EventRouter router = EventRouter.named("notifier-" + UUID.randomUUID()).on(ParcelSent.class,
                p -> applied.incrementAndGet()).deduplicatedBy(ledger()).build();
        CloudEvent sent = event("liuhua.kittest.parcel-sent.v1", new ParcelSent("parcel-1", 1));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> deliveries = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                deliveries.add(pool.submit(() -> {
                    start.await();
                    return router.route(sent);
                }));
            }
            start.countDown();
            int routed = 0;
            for (Future<Boolean> delivery : deliveries) {
                routed += delivery.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(routed).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(applied).hasValue(1);
    }

    @Test
    void anIgnoredTypeLeavesNoTraceInTheLedger() {
        ProcessedEvents ledger = ledger();
        String consumer = "notifier-" + UUID.randomUUID();
        EventRouter router = EventRouter.named(consumer).on(ParcelSent.class, p -> { }).deduplicatedBy(ledger)
                .build();
        CloudEvent other = event("liuhua.kittest.parcel-found.v1", new ParcelSent("parcel-1", 1));

        assertThat(router.route(other)).isFalse();
        assertThat(ledger.markApplied(consumer, other.getId())).isTrue();
    }

    private static ProcessedEvents ledger() {
        return new ProcessedEvents(new MongoTemplate(MongoClients.create(MongoStandIn.uri("router-test")),
                "router-test"), Clock.systemUTC());
    }
}
