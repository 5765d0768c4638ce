package org.liuhua.reporting.cockpit;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.reporting.cockpit.domain.ChangeHint;
import org.liuhua.reporting.projection.ProjectionsChanged;
import org.liuhua.reporting.scope.ReportScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The cockpit's push channel: every open page holds one stream; after each batch the projection runtime
 * applied ({@link ProjectionsChanged}) each stream gets a change hint cut to its scope (a town officer hears only
 * of their town), and every stream gets a heartbeat every {@code liuhua.cockpit.heartbeat}. Sending happens on the
 * channel's own thread, never on the consumer's: a slow page cannot hold up the projections. Hints arriving while
 * a send is pending are coalesced into one. A stream that fails, times out or completes is dropped.
 */
@Service
public class ChangeStreams implements DisposableBean {

    /** Where the channel writes one stream's events (the web adapter wraps the HTTP response). */
    public interface Sink {
        void send(String event, Object data) throws IOException;

        void complete();
    }

    private record Stream(long id, ReportScope scope, Sink sink) {
    }

    private static final Logger log = LoggerFactory.getLogger(ChangeStreams.class);

    private final CockpitProperties properties;
    private final Map<Long, Stream> streams = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicReference<ChangeHint> pending = new AtomicReference<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "cockpit-streams");
        thread.setDaemon(true);
        return thread;
    });

    public ChangeStreams(CockpitProperties properties, ObjectProvider<MeterRegistry> meters) {
        this.properties = properties;
        long every = properties.heartbeat().toMillis();
        sender.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        meters.ifAvailable(registry -> Gauge.builder("liuhua.cockpit.streams", streams, Map::size)
                .description("open change streams of cockpit pages").register(registry));
    }

    /** Opens a stream for a caller's scope; answers its id (for {@link #close}). Refused when too many are open. */
    public long open(ReportScope scope, Sink sink) {
        if (streams.size() >= properties.maxStreams()) {
            throw new ConflictException("too many open cockpit streams (" + properties.maxStreams()
                    + "); the page falls back to polling");
        }
        long id = ids.incrementAndGet();
        Stream stream = new Stream(id, scope, sink);
        streams.put(id, stream);
        sender.execute(() -> send(stream, "hello", Map.of("scope", scope.kind().name(),
                "townId", String.valueOf(scope.townId()), "heartbeatSeconds", properties.heartbeat().toSeconds())));
        return id;
    }

    /** Forgets a stream (completed, timed out or failed). */
    public void close(long id) {
        streams.remove(id);
    }

    public int openStreams() {
        return streams.size();
    }

    @EventListener
    void on(ProjectionsChanged changed) {
        ChangeHint hint = new ChangeHint(changed.kinds(), changed.townIds());
        // coalesce: if a fan-out is already queued, it takes this hint along
        if (pending.getAndAccumulate(hint, (queued, next) -> queued == null ? next : queued.merge(next)) == null) {
            sender.execute(this::fanOut);
        }
    }

    private void fanOut() {
        ChangeHint hint = pending.getAndSet(null);
        if (hint == null) {
            return;
        }
        for (Stream stream : streams.values()) {
            Optional<ChangeHint> visible = visibleTo(stream.scope(), hint);
            visible.ifPresent(h -> send(stream, "change", Map.of("kinds", h.kinds(), "townIds", h.townIds())));
        }
    }

    static Optional<ChangeHint> visibleTo(ReportScope scope, ChangeHint hint) {
        return scope.kind() == ReportScope.Kind.TOWN ? hint.forTown(scope.townId()) : Optional.of(hint);
    }

    private void heartbeat() {
        Map<String, Object> beat = Map.of("at", Instant.now().toString());
        for (Stream stream : streams.values()) {
            send(stream, "heartbeat", beat);
        }
    }

    private void send(Stream stream, String event, Object data) {
        if (!streams.containsKey(stream.id())) {
            return;
        }
        try {
            stream.sink().send(event, data);
        } catch (IOException | RuntimeException e) {
            // the page went away (or the response is done): drop the stream
            log.debug("cockpit stream {} dropped: {}", stream.id(), e.toString());
            streams.remove(stream.id());
            try {
                stream.sink().complete();
            } catch (RuntimeException ignored) {
                // already completed
            }
        }
    }

    /** Visible for tests: the set of open streams' ids. */
    Set<Long> ids() {
        return Set.copyOf(streams.keySet());
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
        streams.values().forEach(s -> {
            try {
                s.sink().complete();
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        });
        streams.clear();
    }
}
