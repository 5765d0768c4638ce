package org.liuhua.reporting.cockpit.web;

import java.io.IOException;

import org.liuhua.kit.security.Caller;
import org.liuhua.reporting.cockpit.ChangeStreams;
import org.liuhua.reporting.cockpit.CockpitProperties;
import org.liuhua.reporting.scope.ReportScope;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/cockpit/stream}: the page's change hints as {@code text/event-stream} (events {@code hello},
 * {@code change} with {@code {"kinds":[…],"townIds":[…]}}, {@code heartbeat}). A JWT is required like everywhere:
 * the page reads the stream with {@code fetch} so that the Authorization header is sent. The stream ends after
 * {@code liuhua.cockpit.stream-lifetime}; the page reconnects with a fresh token.
 */
@RestController
@RequestMapping("/api/v1/cockpit")
class CockpitStreamController {

    private final ChangeStreams streams;
    private final CockpitProperties properties;

    CockpitStreamController(ChangeStreams streams, CockpitProperties properties) {
        this.streams = streams;
        this.properties = properties;
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER','DEPARTMENT_OFFICER')")
    ResponseEntity<SseEmitter> stream() {
        ReportScope scope = ReportScope.of(Caller.current());
        SseEmitter emitter = new SseEmitter(properties.streamLifetime().toMillis());
        long id = streams.open(scope, new ChangeStreams.Sink() {
            @Override
            public void send(String event, Object data) throws IOException {
                emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
            }

            @Override
            public void complete() {
                emitter.complete();
            }
        });
        emitter.onCompletion(() -> streams.close(id));
        emitter.onTimeout(() -> {
            streams.close(id);
            emitter.complete();
        });
        emitter.onError(e -> streams.close(id));
        // no proxy may buffer or cache the stream (nginx honours X-Accel-Buffering)
        return ResponseEntity.ok()
                .header("Cache-Control", "no-cache, no-store")
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }
}
