package org.liuhua.kit.trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTest {

    @Test
    void aValidHeaderIsContinuedWithItsTraceAndFlagsAndANewSpan() {
        TraceParent next = TraceParent.continueOrStart(" 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00 ");

        assertThat(next.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(next.flags()).isEqualTo("00");
        assertThat(next.spanId()).matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
        assertThat(next.header()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-" + next.spanId() + "-00");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "garbage", "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7"})
    void anAbsentOrMalformedHeaderStartsANewSampledTrace(String header) {
        assertThat(TraceParent.parse(header)).isEmpty();

        TraceParent started = TraceParent.continueOrStart(header);
        assertThat(started.header()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(TraceParent.parse(started.header())).contains(started);
    }
}
