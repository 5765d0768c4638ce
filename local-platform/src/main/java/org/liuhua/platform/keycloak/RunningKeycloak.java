package org.liuhua.platform.keycloak;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A started Keycloak; {@link #stop()} ends the script and the server JVM it started. */
public final class RunningKeycloak implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Thread shutdownHook;

    RunningKeycloak(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::terminate, "keycloak-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** {@code http://localhost:<port>} */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The realm's issuer, as it appears in the tokens' {@code iss}. */
    public String issuer() {
        return baseUrl() + "/realms/" + KeycloakRunner.REALM;
    }

    public String tokenUrl() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    Process process() {
        return process;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops the server gracefully (SIGTERM to the JVM, then the script), forcibly after 20 s. */
    public void stop() {
        terminate();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void terminate() {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (ProcessHandle child : children) {
            waitFor(child, deadline);
        }
        waitFor(process.toHandle(), deadline);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitFor(ProcessHandle handle, long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            return;
        }
        try {
            handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
        } catch (Exception timedOut) {
            // forced below
        }
    }
}
