package org.liuhua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archives of ADR 16 with the gateway's real Boot jar (built before this module): prepared the way the
 * run command prepares them, the JVM maps the archive and takes the application's classes from it; after a new build
 * the process starts from its Boot jar again.
 */
class ClassDataIT {

    private static final String JAR = "gateway-" + Platform.VERSION + ".jar";

    @TempDir
    Path repo;

    @Test
    void aPreparedProcessStartsWithItsClassesFromTheArchiveAndANewBuildStartsFromTheBootJarAgain() throws Exception {
        Path built = Path.of("..", "gateway", "target", JAR).toAbsolutePath().normalize();
        assertThat(built).as("the gateway's Boot jar, built before local-platform").isRegularFile();
        Path bootJar = repo.resolve("gateway").resolve("target").resolve(JAR);
        Files.createDirectories(bootJar.getParent());
        Files.copy(built, bootJar, StandardCopyOption.COPY_ATTRIBUTES);
        ClassData classData = new ClassData(repo);
        assertThat(classData.launch("gateway", bootJar)).as("not prepared yet")
                .isEqualTo(new ClassData.Launch(bootJar, List.of()));

        Map<String, String> environment;
        try (Platform platform = new Platform(repo, repo.resolve("data"), Ports.free(), List.of(),
                data -> IdentityProvider.keys("http://127.0.0.1:9/unused", "http://127.0.0.1:9/unused/certs"),
                Platform.localJvmOptions())) {
            assertThat(platform.prepareClassData(Duration.ofSeconds(180))).containsExactly("gateway");
            assertThat(platform.prepareClassData(Duration.ofSeconds(180))).as("current: nothing to do").isEmpty();
            environment = platform.service("gateway").environment();
        }

        Path folder = repo.resolve("target").resolve("class-data");
        ClassData.Launch launch = classData.launch("gateway", bootJar);
        assertThat(launch).isEqualTo(new ClassData.Launch(folder.resolve("gateway").resolve(JAR),
                List.of("-XX:SharedArchiveFile=" + folder.resolve("gateway.jsa"))));
        // -Xshare:on: the JVM refuses to start unless it can map the archive with the jars it was made from
        String loaded = startToRefreshedContext(launch, environment);
        assertThat(loaded).contains("org.liuhua.gateway.GatewayApplication source: shared objects file (top)");

        Files.setLastModifiedTime(bootJar, FileTime.fromMillis(Files.getLastModifiedTime(bootJar).toMillis() + 5000));
        assertThat(classData.launch("gateway", bootJar)).as("after a new build of the Boot jar")
                .isEqualTo(new ClassData.Launch(bootJar, List.of()));
    }

    private String startToRefreshedContext(ClassData.Launch launch, Map<String, String> environment)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(ServiceProcess.java()));
        command.addAll(Platform.localJvmOptions());
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-Xshare:on", "-Xlog:class+load=info", "-Dspring.context.exit=onRefresh", "-jar",
                launch.jar().toString()));
        Path output = repo.resolve("run.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("exited within 120 s").isTrue();
        } finally {
            process.destroyForcibly();
        }
        String log = Files.readString(output);
        assertThat(process.exitValue()).as(log.lines().filter(l -> !l.contains("class,load")).limit(40)
                .reduce("", (a, b) -> a + "\n" + b)).isZero();
        return log;
    }
}
