package org.liuhua.platform.keycloak;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Keycloak child process: the {@code kc.sh} script and the server JVM it started. */
final class KeycloakProcess implements RunningKeycloak {

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Thread shutdownHook;

    KeycloakProcess(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::terminate, "keycloak-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    public String issuer() {
        return baseUrl() + "/realms/" + KeycloakRunner.REALM;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    Process process() {
        return process;
    }

    @Override
    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void stop() {
        terminate();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
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
