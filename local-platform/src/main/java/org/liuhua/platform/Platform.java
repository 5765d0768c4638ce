package org.liuhua.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The whole platform on one machine: a Kafka broker and the MongoDB stand-in in this process, the identity
 * provider, and every service and the gateway as separate processes. Used by the run command
 * ({@link LocalPlatform}) and by the end-to-end tests, so both exercise the same start-up.
 */
public final class Platform implements AutoCloseable {

    public static final String VERSION = "0.1.0-SNAPSHOT";
    public static final List<String> SERVICES = List.of("grid-service", "hazard-service", "training-service",
            "manual-service", "reporting-service");

    private final Path repoRoot;
    private final Path dataDir;
    private final Ports ports;
    private final List<String> services;
    private final Function<Path, IdentityProvider> identityStarter;
    private final List<String> jvmOptions;
    private final KafkaBroker kafka;
    private final MongoStore mongo;
    private final ClassData classData;
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new HashMap<>();
    private final List<ServiceProcess> replicas = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private IdentityProvider identity;

    public Platform(Path repoRoot, Path dataDir, Ports ports, List<String> services,
                    Function<Path, IdentityProvider> identityStarter, List<String> jvmOptions) {
        this.repoRoot = repoRoot.toAbsolutePath().normalize();
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.ports = ports;
        this.services = List.copyOf(services);
        this.identityStarter = identityStarter;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.kafka = new KafkaBroker(ports.kafka(), ports.kafkaController(), this.dataDir.resolve("kafka"));
        this.mongo = new MongoStore(ports.mongo(), this.dataDir.resolve("mongo").resolve("liuhua"));
        this.classData = new ClassData(this.repoRoot);
    }

    /** JVM options that favour start-up time and a small footprint on a developer machine. */
    public static List<String> localJvmOptions() {
        return List.of("-Xms160m", "-Xmn96m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:ReservedCodeCacheSize=80m", "-Dfile.encoding=UTF-8");
    }

    /**
     * Adds environment variables to one service's process (settings of a test or an operator, e.g. the loopback port
     * of a webhook receiver); call before {@link #start}.
     */
    public Platform environment(String service, Map<String, String> variables) {
        environments.computeIfAbsent(service, s -> new HashMap<>()).putAll(variables);
        return this;
    }

    /** Starts everything and waits until every process is ready. */
    public void start(Duration timeout) {
        // the identity provider takes longest (Keycloak), so it starts first, in the background; services fetch its
        // signing keys lazily, so they start while it is still coming up
        identity = identityStarter.apply(dataDir);
        kafka.start();
        mongo.start();
        extractJars();
        for (String service : services) {
            processes.put(service, process(service));
        }
        processes.put("gateway", process("gateway"));
        processes.values().forEach(ServiceProcess::start);
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        ready.add(CompletableFuture.runAsync(() -> identity.awaitReady(timeout)));
        for (ServiceProcess process : processes.values()) {
            ready.add(CompletableFuture.runAsync(() -> process.awaitReady(timeout)));
        }
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * Extracts every Boot jar this platform starts that changed since its last extraction (~1.5 s each, nothing when
     * current), so that each start, also every restart, loads plain jars: a third less CPU than from the Boot jar
     * (ADR 16). Only {@link #prepareClassData} adds the archives. A jar that cannot be extracted starts from its Boot
     * jar, as before.
     */
    private void extractJars() {
        processNames().parallelStream().forEach(name -> {
            try {
                classData.extract(name, bootJar(name));
            } catch (RuntimeException e) {
                System.err.println("WARN: " + e.getMessage() + "; " + name + " starts from its Boot jar");
            }
        });
    }

    /**
     * Prepares the class-data archives of every process this platform starts ({@link ClassData}, ADR 16): extracts
     * each Boot jar that changed since its last extraction, then starts the broker, the store and each process whose
     * archive is missing once, up to its refreshed application context, and keeps the archives they write as they
     * exit. Fast when nothing changed. Uses this platform's ports and data folder; call instead of {@link #start}.
     *
     * @return the processes archived anew (none when everything was current)
     */
    public List<String> prepareClassData(Duration timeout) {
        List<String> missing = processNames().parallelStream().filter(name -> classData.extract(name, bootJar(name)))
                .toList();
        if (missing.isEmpty()) {
            return missing;
        }
        identity = identityStarter.apply(dataDir);
        kafka.start();
        mongo.start();
        for (String name : missing) {
            processes.put(name, process(name, classData.training(name)));
        }
        processes.values().forEach(ServiceProcess::start);
        List<String> failed = new ArrayList<>();
        for (String name : missing) {
            if (!processes.get(name).awaitExit(timeout) || !classData.keepArchive(name)) {
                failed.add(classData.keepLog(name, processes.get(name).logFile()).toString());
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("a training start wrote no class-data archive; see " + failed
                    + " (those processes start from their extracted jars without one)");
        }
        return missing;
    }

    /** The services of this platform and the gateway. */
    private List<String> processNames() {
        List<String> names = new ArrayList<>(services);
        names.add("gateway");
        return names;
    }

    private ServiceProcess process(String name) {
        return process(name, List.of());
    }

    private ServiceProcess process(String name, List<String> extraOptions) {
        Map<String, String> env = new HashMap<>(identity.securityEnvironment());
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("SPRING_MONGODB_URI", mongo.uri(name.replace("-service", "")));
        env.putAll(environments.getOrDefault(name, Map.of()));
        if (name.equals("gateway")) {
            env.put("GRID_SERVICE_URI", "http://127.0.0.1:" + ports.grid());
            env.put("HAZARD_SERVICE_URI", "http://127.0.0.1:" + ports.hazard());
            env.put("TRAINING_SERVICE_URI", "http://127.0.0.1:" + ports.training());
            env.put("MANUAL_SERVICE_URI", "http://127.0.0.1:" + ports.manual());
            env.put("REPORTING_SERVICE_URI", "http://127.0.0.1:" + ports.reporting());
            // the one port meant for people: loopback unless LIUHUA_GATEWAY_ADDRESS opens it (e.g. 0.0.0.0)
            String address = System.getenv("LIUHUA_GATEWAY_ADDRESS");
            env.put("SERVER_ADDRESS", address == null || address.isBlank() ? "127.0.0.1" : address);
        }
        // the extracted jar and its class-data archive when they were prepared from this very jar (ClassData)
        ClassData.Launch launch = classData.launch(name, bootJar(name));
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(launch.jvmOptions());
        options.addAll(extraOptions);
        // the actuator (metrics, health details) on a loopback port of its own; kept across restarts of the process
        int management = managementPorts.computeIfAbsent(name, n -> Ports.freePort());
        return new ServiceProcess(name, launch.jar(), port(name), management, env,
                dataDir.resolve("logs").resolve(name + ".log"), options);
    }

    private Path bootJar(String name) {
        return repoRoot.resolve(name).resolve("target").resolve(name + "-" + VERSION + ".jar");
    }

    public int port(String name) {
        return switch (name) {
            case "gateway" -> ports.gateway();
            case "grid-service" -> ports.grid();
            case "hazard-service" -> ports.hazard();
            case "training-service" -> ports.training();
            case "manual-service" -> ports.manual();
            case "reporting-service" -> ports.reporting();
            default -> throw new IllegalArgumentException("unknown service " + name);
        };
    }

    public ServiceProcess service(String name) {
        ServiceProcess process = processes.get(name);
        if (process == null) {
            throw new IllegalArgumentException(name + " is not part of this platform");
        }
        return process;
    }

    /**
     * Starts a second replica of a service — the same store, broker and settings, another port, its own log — and
     * waits until it is ready (the tests run two replicas at once: leases, schedulers, relays). {@link #close()}
     * stops it too; {@link #stopReplica} stops it earlier.
     */
    public ServiceProcess startReplica(String name, Duration timeout) {
        ServiceProcess primary = service(name);
        Map<String, String> overrides = new HashMap<>();
        String replicaName = name + "-replica-" + (replicas.size() + 1);
        ServiceProcess replica = primary.replica(replicaName, Ports.freePort(),
                dataDir.resolve("logs").resolve(replicaName + ".log"), overrides);
        replicas.add(replica);
        replica.start();
        try {
            replica.awaitReady(timeout);
        } catch (RuntimeException notReady) {
            stopReplica(replica);
            throw notReady;
        }
        return replica;
    }

    /** Stops a replica started by {@link #startReplica} (SIGTERM: it finishes its requests and relays). */
    public void stopReplica(ServiceProcess replica) {
        replica.stop();
        replicas.remove(replica);
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public MongoStore mongo() {
        return mongo;
    }

    public IdentityProvider identity() {
        return identity;
    }

    public Ports ports() {
        return ports;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String gatewayUrl() {
        return "http://localhost:" + ports.gateway();
    }

    /** Path prefix → base URL of the owning service, for clients that bypass the gateway (the demo loader). */
    public Map<String, String> directRoutes() {
        Map<String, String> routes = new LinkedHashMap<>();
        String grid = "http://127.0.0.1:" + ports.grid();
        for (String prefix : List.of("/api/v1/towns", "/api/v1/villages", "/api/v1/grids",
                "/api/v1/patrol-units", "/api/v1/establishments", "/api/v1/inspectors", "/api/v1/safety-officers",
                "/api/v1/bindings", "/api/v1/patrol-plan", "/api/v1/patrols", "/api/v1/coverage", "/api/v1/staffing",
                "/api/v1/clusters", "/api/v1/departments")) {
            routes.put(prefix, grid);
        }
        String hazard = "http://127.0.0.1:" + ports.hazard();
        for (String prefix : List.of("/api/v1/hazards", "/api/v1/intake", "/api/v1/firms", "/api/v1/contracts",
                "/api/v1/evidence", "/api/v1/public/reports", "/api/v1/public-reports", "/api/v1/rewards")) {
            routes.put(prefix, hazard);
        }
        String training = "http://127.0.0.1:" + ports.training();
        for (String prefix : List.of("/api/v1/training", "/api/v1/spot-exams")) {
            routes.put(prefix, training);
        }
        String manual = "http://127.0.0.1:" + ports.manual();
        for (String prefix : List.of("/api/v1/templates", "/api/v1/handbooks", "/api/v1/cards", "/api/v1/checklists",
                "/api/v1/acknowledgements")) {
            routes.put(prefix, manual);
        }
        routes.put("/api/v1/stats", "http://127.0.0.1:" + ports.reporting());
        return routes;
    }

    /**
     * After {@link #close}: removes what the platform stored — the broker's log, the store's file, Keycloak's server
     * copy with its database, 50–250 MB after an end-to-end run — and keeps the logs ({@code logs/},
     * {@code keycloak/keycloak.log}) for a look after a failure. For throw-away data folders (the tests'); what cannot
     * be removed is left to the system's temporary-file cleaning.
     */
    public void deleteDataKeepingLogs() {
        for (Path part : List.of(dataDir.resolve("kafka"), dataDir.resolve("mongo"),
                dataDir.resolve("keycloak").resolve("server"))) {
            try {
                LocalPlatform.deleteRecursively(part);
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                System.err.println("WARN: cannot remove " + part + ": " + e.getMessage());
            }
        }
    }

    /** Stops the gateway and the services (SIGTERM, in parallel), then the broker, the store and the identity provider. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (ServiceProcess process : processes.values()) {
            stopping.add(CompletableFuture.runAsync(process::stop));
        }
        for (ServiceProcess replica : replicas) {
            stopping.add(CompletableFuture.runAsync(replica::stop));
        }
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
        kafka.stop();
        mongo.stop();
        if (identity != null) {
            identity.close();
        }
    }
}
