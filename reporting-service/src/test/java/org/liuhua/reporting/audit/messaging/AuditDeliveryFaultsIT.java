package org.liuhua.reporting.audit.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.events.audit.AuditRecorded;
import org.liuhua.kit.test.DeliveryOrders;
import org.liuhua.reporting.ReportingIntegrationTest;
import org.liuhua.reporting.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault matrix, service level: the audit events reporting-service consumes through a router (every service's
 * {@code liuhua.audit.recorded.v1}), delivered twice and out of order, leave the audit log of a clean delivery: each
 * entry once, unchanged. The statistics' projectors are held to the same in {@code ProjectorDeliveryFaultsTest}.
 */
class AuditDeliveryFaultsIT extends ReportingIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-06T01:00:00Z");

    @Autowired
    ApplicationContext context;
    @Autowired
    AuditEventsListener listener;
    @Autowired
    MongoTemplate mongo;

    @Test
    void everyRoutedTypeToleratesDuplicateAndOutOfOrderDelivery() {
        assertThat(DeliveryOrders.typesOf(sequence("coverage")))
                .as("the sequence covers every type a router of reporting-service handles")
                .isEqualTo(DeliveryOrders.routedTypes(context));

        DeliveryOrders.assertSameState(this::sequence, listener::on, this::state);
    }

    private List<CloudEvent> sequence(String run) {
        List<CloudEvent> events = new ArrayList<>();
        events.add(audit(run, 1, "hazard-service", "city-admin", List.of("CITY_ADMIN"), "POST /api/v1/hazards", 201));
        events.add(audit(run, 2, "hazard-service", "town-officer", List.of("TOWN_OFFICER"),
                "POST /api/v1/hazards/{id}/transfer", 200));
        events.add(audit(run, 3, "grid-service", "inspector", List.of("INSPECTOR"), "POST /api/v1/patrols/sync",
                400));
        events.add(audit(run, 4, "training-service", "enterprise-officer", List.of("ENTERPRISE_OFFICER"),
                "POST /api/v1/training/certificates", 403));
        return events;
    }

    private Map<String, Object> state(String run) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            state.put("audit-" + run + "-" + i, mongo.findById("audit-" + run + "-" + i, Document.class,
                    AuditLog.COLLECTION));
        }
        assertThat(state.values()).doesNotContainNull();
        return state;
    }

    private static CloudEvent audit(String run, int n, String service, String username, List<String> roles,
                                    String action, int status) {
        return DeliveryOrders.event(service, "audit-" + run + "-" + n, new AuditRecorded("audit-" + run + "-" + n,
                service, "sub-" + username, username, "liuhua-cli", roles, action, "target-" + run + "-" + n,
                T0.plusSeconds(n * 60L), status, status < 400 ? "SUCCESS" : "DENIED", "trace-" + run + "-" + n));
    }
}
