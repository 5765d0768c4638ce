package org.liuhua.platform.keycloak;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak's data lives in the work directory and survives a restart; the realm is imported only once. */
class KeycloakRestartIT {

    @TempDir
    Path workDir;

    @Test
    void aRestartKeepsTheDatabaseAndDoesNotImportTheRealmAgain() throws IOException {
        Path realm = Path.of(System.getProperty("liuhua.keycloak.realm", "../deploy/keycloak/liuhua-realm.json"));
        int port = freePort();
        try (RunningKeycloak first = KeycloakRunner.start(workDir, port, realm, Duration.ofSeconds(180))) {
            assertThat(Tokens.clientCredentials(first.tokenUrl(), "demo-firm", "demo-firm-secret")).isNotBlank();
        }
        Path database = workDir.resolve("server").resolve("data").resolve("h2");
        assertThat(database).isDirectory();
        long logBefore = Files.size(workDir.resolve("keycloak.log"));

        try (RunningKeycloak second = KeycloakRunner.start(workDir, port, realm, Duration.ofSeconds(180))) {
            assertThat(second.isRunning()).isTrue();
            assertThat(Tokens.password(second.tokenUrl(), "liuhua-cli", "city-admin", "liuhua")).isNotBlank();
            String secondRun = Files.readString(second.logFile()).substring((int) logBefore);
            assertThat(secondRun).contains("already exists. Import skipped");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
