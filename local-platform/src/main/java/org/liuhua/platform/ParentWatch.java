package org.liuhua.platform;

import java.io.IOException;

/**
 * Stops a process this JVM started once this JVM is gone without stopping it: killed with SIGKILL, halted by the
 * broker, crashed. A stop by SIGINT or SIGTERM stops every process through the shutdown hook; nothing runs then for a
 * SIGKILL, and the services, the gateway and Keycloak went on running and holding their ports, so the next
 * {@code ./run-platform.sh} could not start. A small shell beside each process asks every 2 s whether both are still
 * there; when this JVM is gone it sends the process (and its children: Keycloak's script starts Java) SIGTERM, and
 * SIGKILL 20 s later if it is still running. When the process ends first, the shell ends too.
 */
public final class ParentWatch {

    static final String SHELL = "/bin/sh";

    private ParentWatch() {
    }

    /** Watches {@code child} for this JVM. */
    public static void guard(Process child) {
        guard(ProcessHandle.current().pid(), child.pid());
    }

    /**
     * Watches {@code child} for the process {@code parent}.
     *
     * @return the watching shell, or null where there is no {@value #SHELL} (the process is then stopped only by a
     *         shutdown hook, as before)
     */
    static Process guard(long parent, long child) {
        String script = "p=" + parent + "; c=" + child + "\n"
                + "while kill -0 $p 2>/dev/null && kill -0 $c 2>/dev/null; do sleep 2; done\n"
                + "kill -0 $c 2>/dev/null || exit 0\n"
                + "pkill -TERM -P $c 2>/dev/null; kill -TERM $c 2>/dev/null\n"
                + "i=0; while [ $i -lt 20 ] && kill -0 $c 2>/dev/null; do sleep 1; i=$((i+1)); done\n"
                + "kill -0 $c 2>/dev/null || exit 0\n"
                + "pkill -KILL -P $c 2>/dev/null; kill -KILL $c 2>/dev/null\n";
        try {
            return new ProcessBuilder(SHELL, "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException noShell) {
            return null;
        }
    }
}
