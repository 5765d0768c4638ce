package org.liuhua.platform.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo loader's parts: order, concurrency, wall times and failures as the run command's log shows them. */
class DemoPartsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream console;

    @BeforeEach
    void captureConsole() {
        console = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(console);
    }

    private String log() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void partsRunAfterWhatTheyNeedAndIndependentOnesAtTheSameTime() {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch bothRunning = new CountDownLatch(2);
        try (DemoParts parts = new DemoParts(3)) {
            var first = parts.essential("first", () -> order.add("first"));
            Runnable meetTheOther = () -> {
                bothRunning.countDown();
                try {
                    assertThat(bothRunning.await(10, TimeUnit.SECONDS)).as("the other part runs meanwhile").isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            var left = parts.part("left", () -> {
                meetTheOther.run();
                order.add("left");
            }, first);
            var right = parts.part("right", () -> {
                meetTheOther.run();
                order.add("right");
            }, first);
            parts.part("last", () -> order.add("last"), left, right);
            parts.await();
            assertThat(parts.failures()).isEmpty();
        }
        assertThat(order).hasSize(4).startsWith("first").endsWith("last");
        assertThat(log()).containsPattern("demo part first: \\d+\\.\\d s")
                .containsPattern("demo part last: \\d+\\.\\d s \\(from \\+\\d+\\.\\d s\\)")
                .doesNotContain("ERROR");
    }

    @Test
    void aFailingPartIsAnErrorAndTheOthersStillLoad() {
        List<String> ran = new CopyOnWriteArrayList<>();
        try (DemoParts parts = new DemoParts(2)) {
            var broken = parts.part("sources", () -> {
                throw new DemoApi.DemoLoadException("POST /api/v1/intake/alerts answered 500: boom");
            });
            parts.part("after it", () -> ran.add("after it"), broken);
            parts.await();
            assertThat(parts.failures()).containsExactly("sources");
        }
        assertThat(ran).containsExactly("after it");
        assertThat(log()).contains("[liuhua] ERROR: demo part sources failed after")
                .contains("answered 500: boom");
    }

    @Test
    void aFailingEssentialPartSkipsWhatNeedsItAndFailsTheLoad() {
        List<String> ran = new CopyOnWriteArrayList<>();
        try (DemoParts parts = new DemoParts(2)) {
            var city = parts.essential("city register", () -> {
                throw new DemoApi.DemoLoadException("POST /api/v1/towns answered 503");
            });
            parts.part("staffing", () -> ran.add("staffing"), city);
            parts.part("unrelated", () -> ran.add("unrelated"));
            assertThatThrownBy(parts::await).isInstanceOf(DemoApi.DemoLoadException.class)
                    .hasMessageContaining("/api/v1/towns answered 503");
            assertThat(parts.failures()).containsExactlyInAnyOrder("city register", "staffing (skipped)");
        }
        assertThat(ran).containsExactly("unrelated");
        assertThat(log()).contains("ERROR: demo part city register failed")
                .contains("ERROR: demo part staffing skipped");
    }
}
