package org.liuhua.kit.readmodel;

import java.time.Instant;
import java.util.UUID;

import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.MongoStandIn;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Grid's binding events in any order and any number of times leave the same bindings. */
class InspectorBindingsTest {

    static final Instant MONDAY = Instant.parse("2026-11-30T01:00:00Z");
    static final Instant TUESDAY = MONDAY.plusSeconds(86_400);
    static final Instant WEDNESDAY = TUESDAY.plusSeconds(86_400);

    final MongoTemplate mongo = new MongoTemplate(MongoClients.create(MongoStandIn.uri("bindings-test")),
            "bindings-test");
    final InspectorBindings bindings = new InspectorBindings(mongo);
    final String inspector = "insp-" + UUID.randomUUID();

    @Test
    void aBindingDeliveredAfterItsEndDoesNotComeBackAndABindingAgainLaterStays() {
        bindings.unbind(inspector, "unit-1", TUESDAY);
        bindings.bind(inspector, "unit-1", "town-1", MONDAY);
        bindings.bind(inspector, "unit-1", "town-1", MONDAY);
        assertThat(bindings.unitsOf(inspector)).as("ended on Tuesday, delivered late").isEmpty();

        bindings.bind(inspector, "unit-1", "town-1", WEDNESDAY);
        bindings.unbind(inspector, "unit-1", TUESDAY);
        bindings.bind(inspector, "unit-2", "town-1", null);
        assertThat(bindings.unitsOf(inspector)).as("bound again after the end; no time applies")
                .containsExactlyInAnyOrder("unit-1", "unit-2");
    }

    @Test
    void theLedgerKeepsTheLatestEnd() {
        bindings.unbind(inspector, "unit-1", WEDNESDAY);
        bindings.unbind(inspector, "unit-1", MONDAY);
        bindings.bind(inspector, "unit-1", "town-1", TUESDAY);

        assertThat(bindings.unitsOf(inspector)).isEmpty();
        assertThat(mongo.findById(inspector + ":unit-1", org.bson.Document.class, InspectorBindings.ENDED)
                .getDate("endedAt").toInstant()).isEqualTo(WEDNESDAY);
    }
}
