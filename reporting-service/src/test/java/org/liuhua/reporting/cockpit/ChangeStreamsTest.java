package org.liuhua.reporting.cockpit;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.reporting.projection.ProjectionsChanged;
import org.liuhua.reporting.scope.ReportScope;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ChangeStreamsTest {

    /** A sink that records what it is sent; can be told to fail like a page that went away. */
    static final class RecordingSink implements ChangeStreams.Sink {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<Object> data = new CopyOnWriteArrayList<>();
        volatile boolean broken;
        volatile boolean completed;

        @Override
        public void send(String event, Object payload) throws IOException {
            if (broken) {
                throw new IOException("Broken pipe");
            }
            events.add(event);
            data.add(payload);
        }

        @Override
        public void complete() {
            completed = true;
        }

        List<Object> changes() {
            List<Object> changes = new CopyOnWriteArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).equals("change")) {
                    changes.add(data.get(i));
                }
            }
            return changes;
        }
    }

    ChangeStreams streams = streams(Duration.ofSeconds(15), 10);

    static ChangeStreams streams(Duration heartbeat, int max) {
        return new ChangeStreams(new CockpitProperties(null, null, null, null, heartbeat, null, max),
                new StaticListableBeanFactory().getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
    }

    @AfterEach
    void close() {
        streams.destroy();
    }

    @Test
    void everyStreamIsGreetedWithItsScope() {
        RecordingSink city = new RecordingSink();
        streams.open(ReportScope.CITY, city);

        await().atMost(Duration.ofSeconds(2)).until(() -> city.events.contains("hello"));
        assertThat(city.data.get(0)).isEqualTo(Map.of("scope", "CITY", "townId", "null", "heartbeatSeconds", 15L));
    }

    @Test
    void theCityHearsOfEveryTownAndATownOfficerOnlyOfTheirOwn() {
        RecordingSink city = new RecordingSink();
        RecordingSink jinfeng = new RecordingSink();
        RecordingSink leyu = new RecordingSink();
        streams.open(ReportScope.CITY, city);
        streams.open(ReportScope.town("zjg-jinfeng"), jinfeng);
        streams.open(ReportScope.town("zjg-leyu"), leyu);

        streams.on(new ProjectionsChanged(Set.of("hazards"), Set.of("zjg-jinfeng", "zjg-yangshe")));

        await().atMost(Duration.ofSeconds(2)).until(() -> !city.changes().isEmpty() && !jinfeng.changes().isEmpty());
        assertThat(city.changes()).containsExactly(Map.of("kinds", Set.of("hazards"),
                "townIds", Set.of("zjg-jinfeng", "zjg-yangshe")));
        assertThat(jinfeng.changes()).containsExactly(Map.of("kinds", Set.of("hazards"), "townIds", Set.of("zjg-jinfeng")));
        assertThat(leyu.changes()).isEmpty();
    }

    @Test
    void aStreamThatFailsIsDroppedAndTheOthersGoOn() {
        RecordingSink gone = new RecordingSink();
        RecordingSink staying = new RecordingSink();
        streams.open(ReportScope.CITY, gone);
        streams.open(ReportScope.CITY, staying);
        await().atMost(Duration.ofSeconds(2)).until(() -> gone.events.contains("hello") && staying.events.contains("hello"));
        gone.broken = true;

        streams.on(new ProjectionsChanged(Set.of("grid"), Set.of()));

        await().atMost(Duration.ofSeconds(2)).until(() -> streams.openStreams() == 1);
        assertThat(gone.completed).isTrue();
        await().atMost(Duration.ofSeconds(2)).until(() -> staying.changes().size() == 1);
    }

    @Test
    void heartbeatsKeepEveryStreamAlive() {
        streams.destroy();
        streams = streams(Duration.ofMillis(100), 10);
        RecordingSink sink = new RecordingSink();
        streams.open(ReportScope.town("zjg-leyu"), sink);

        await().atMost(Duration.ofSeconds(2)).until(() -> sink.events.stream().filter("heartbeat"::equals).count() >= 3);
    }

    @Test
    void aClosedStreamGetsNothingMoreAndTooManyStreamsAreRefused() {
        RecordingSink sink = new RecordingSink();
        long id = streams.open(ReportScope.CITY, sink);
        streams.close(id);
        streams.on(new ProjectionsChanged(Set.of("hazards"), Set.of("zjg-jinfeng")));
        assertThat(streams.openStreams()).isZero();

        for (int i = 0; i < 10; i++) {
            streams.open(ReportScope.CITY, new RecordingSink());
        }
        assertThatThrownBy(() -> streams.open(ReportScope.CITY, new RecordingSink()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("too many open cockpit streams");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> sink.changes().isEmpty());
    }
}
