package org.liuhua.kit.outbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import org.liuhua.kit.security.Caller;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
public class KitTestApplication {

    public static final String TOPIC = "liuhua.kittest";

    @Component
    static class ParcelListener {

        final List<ParcelSent> received = new CopyOnWriteArrayList<>();
        /** parcel id → trace id in the logging context while its event was handled */
        final java.util.Map<String, String> traceIds = new java.util.concurrent.ConcurrentHashMap<>();

        @KafkaListener(topics = TOPIC, groupId = "kit-test")
        void on(CloudEvent event) {
            ParcelSent parcel = EventJson.read(event, ParcelSent.class);
            if (parcel.sequence() < 0) {
                throw new IllegalArgumentException("negative sequence cannot be applied");
            }
            received.add(parcel);
            String traceId = org.slf4j.MDC.get("traceId");
            if (traceId != null) {
                traceIds.put(parcel.parcelId(), traceId);
            }
        }
    }

    /** Protected endpoints of the test service: any valid token may read; writing and deleting need roles. */
    @RestController
    @RequestMapping("/api/v1/parcels")
    public static class ParcelController {

        @GetMapping("/{id}")
        public Map<String, Object> get(@PathVariable String id) {
            Caller caller = Caller.current();
            return Map.of("id", id, "caller", caller.username());
        }

        @PostMapping
        @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER')")
        public ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body) {
            String id = "parcel-" + UUID.randomUUID();
            return ResponseEntity.created(URI.create("/api/v1/parcels/" + id)).body(Map.of("id", id));
        }

        @PutMapping("/{id}/label")
        @PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_OFFICER')")
        public Map<String, Object> relabel(@PathVariable String id, @RequestBody Map<String, Object> body) {
            if (body.get("label") == null) {
                throw new org.liuhua.kit.domain.InvalidInputException("label", "is required");
            }
            return Map.of("id", id, "label", body.get("label"));
        }

        @DeleteMapping("/{id}")
        @PreAuthorize("hasRole('CITY_ADMIN')")
        public ResponseEntity<Void> delete(@PathVariable String id) {
            return ResponseEntity.noContent().build();
        }
    }
}
