package org.liuhua.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service (or the gateway) as a separate operating-system process: {@code java -jar} of its Boot jar, or of the
 * jar extracted from it with its class-data archive ({@link ClassData}), with its connection settings in the
 * environment, its output in a log file. It can be stopped gracefully (SIGTERM), killed
 * (SIGKILL) and started again.
 * <p>
 * Exposure: the process listens on the loopback address only ({@code server.address=127.0.0.1}), and its actuator
 * (health details, {@code /actuator/prometheus}) on a port of its own, also loopback only
 * ({@code management.server.port}, {@link #managementUrl()}); the main port answers the probes {@code /livez} and
 * {@code /readyz}. Readiness is awaited on the management port's {@code /actuator/health/readiness}.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private final Map<String, String> environment;
    private final Path logFile;
    private final List<String> jvmOptions;
    private Process process;

    /** The actuator on the main port (no management port of its own). */
    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path logFile,
                          List<String> jvmOptions) {
        this(name, jar, port, 0, environment, logFile, jvmOptions);
    }

    /**
     * @param managementPort the actuator's own port (loopback only); 0: the actuator stays on {@code port}
     */
    public ServiceProcess(String name, Path jar, int port, int managementPort, Map<String, String> environment,
                          Path logFile, List<String> jvmOptions) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.managementPort = managementPort;
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public synchronized void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the platform first (./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        // reachable from this machine only, unless this process's settings name another address
        builder.environment().put("SERVER_ADDRESS", environment.getOrDefault("SERVER_ADDRESS", "127.0.0.1"));
        // /livez and /readyz on the main port, whatever the service's own configuration says
        builder.environment().put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ADD_ADDITIONAL_PATHS", "true");
        if (managementPort > 0) {
            builder.environment().put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
            builder.environment().put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
        }
        builder.redirectErrorStream(true);
        try {
            Files.createDirectories(logFile.getParent());
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
        // stopped also when this JVM is killed without running its shutdown hooks
        ParentWatch.guard(process);
    }

    /**
     * Waits until the service's readiness probe (on the management port) answers UP; fails early when the process
     * dies.
     */
    public void awaitReady(Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        URI readiness = URI.create(managementUrl() + "/actuator/health/readiness");
        while (System.nanoTime() < until) {
            Process current;
            synchronized (this) {
                current = process;
            }
            if (current == null || !current.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; see " + logFile);
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(readiness)
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + logFile);
    }

    /**
     * Waits until the process exits by itself (a run that ends on its own, e.g. {@code spring.context.exit}); kills it
     * after {@code timeout}.
     *
     * @return whether it exited with status 0 within the time
     */
    public boolean awaitExit(Duration timeout) {
        Process current;
        synchronized (this) {
            current = process;
        }
        if (current == null) {
            return false;
        }
        try {
            if (current.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return current.exitValue() == 0;
            }
            kill();
            return false;
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM and wait: the service finishes its requests and relays its outbox before it exits. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        process = null;
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        process = null;
    }

    /**
     * Another process of the same service (a second replica): the same jar, settings and JVM options on another port,
     * with its own log file; {@code overrides} replace settings that must differ per process. Not started yet.
     */
    public ServiceProcess replica(String replicaName, int replicaPort, Path replicaLog, Map<String, String> overrides) {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.putAll(overrides);
        return new ServiceProcess(replicaName, jar, replicaPort, managementPort > 0 ? Ports.freePort() : 0, env,
                replicaLog, jvmOptions);
    }

    /** The settings this process is started with (besides {@code PORT}). */
    public Map<String, String> environment() {
        return environment;
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The actuator's own port (the main port when the process has none). */
    public int managementPort() {
        return managementPort > 0 ? managementPort : port;
    }

    /**
     * Where the actuator answers: {@code /actuator/health/**}, {@code /actuator/prometheus} (loopback only). The main
     * port ({@link #baseUrl()}) answers only {@code /livez} and {@code /readyz} of the actuator.
     */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort();
    }

    public Path logFile() {
        return logFile;
    }

    /** The {@code java} of the JVM that starts the processes: every process runs on the same Java. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
