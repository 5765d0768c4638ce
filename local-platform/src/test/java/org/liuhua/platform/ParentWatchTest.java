package org.liuhua.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With real processes: a watched process outlives nothing but its parent. While the parent runs it is left alone;
 * when the parent is killed with SIGKILL (no shutdown hook) it is stopped; when it ends by itself, its watch ends.
 */
class ParentWatchTest {

    private Process parent;
    private Process child;
    private Process watch;

    @BeforeEach
    void watchedChild() throws IOException {
        parent = sleeper();
        child = sleeper();
        watch = ParentWatch.guard(parent.pid(), child.pid());
        assertThat(watch).as("a shell watches the child").isNotNull();
    }

    @AfterEach
    void stopAll() {
        parent.destroyForcibly();
        child.destroyForcibly();
        watch.destroyForcibly();
    }

    @Test
    void aWatchedProcessIsStoppedWhenItsParentIsKilledAndLeftAloneWhileTheParentRuns() throws Exception {
        assertThat(child.waitFor(3, TimeUnit.SECONDS)).as("left alone while the parent runs").isFalse();

        parent.destroyForcibly().waitFor();
        assertThat(child.waitFor(15, TimeUnit.SECONDS)).as("stopped after its parent was killed").isTrue();
        assertThat(watch.waitFor(15, TimeUnit.SECONDS)).as("the watch ends with it").isTrue();
    }

    @Test
    void theWatchEndsWhenTheProcessEndsByItself() throws Exception {
        child.destroy();
        child.waitFor();
        assertThat(watch.waitFor(15, TimeUnit.SECONDS)).as("no watch outlives its process").isTrue();
        assertThat(parent.isAlive()).as("the parent is never touched").isTrue();
    }

    private static Process sleeper() throws IOException {
        return new ProcessBuilder("sleep", String.valueOf(Duration.ofMinutes(10).toSeconds())).start();
    }
}
