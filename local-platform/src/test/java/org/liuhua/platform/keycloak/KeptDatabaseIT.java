package org.liuhua.platform.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liuhua.platform.Ports;

/**
 * Keycloak's kept initial database (ADR 16): made once by starting Keycloak in a scratch work directory, it lets a
 * new work directory start without making the schema or importing the realm, with the realm's identities working;
 * a changed realm file is never served from a database made from the old one.
 */
class KeptDatabaseIT {

    private static final Path REALM = Path.of(System.getProperty("liuhua.keycloak.realm",
            "../deploy/keycloak/liuhua-realm.json"));

    @TempDir
    Path workDir;

    @Test
    void aNewWorkDirectoryStartsFromTheKeptDatabaseWithoutMakingTheSchemaOrImportingTheRealm() throws Exception {
        KeycloakRunner.prepareInitialDatabase(REALM, workDir.resolve("scratch"), Ports.freePort(),
                Duration.ofSeconds(180));
        Path kept = KeycloakRunner.keptDatabase(KeycloakRunner.locateDistribution(workDir));
        assertThat(kept.resolve("h2")).isDirectoryContaining("glob:**.mv.db");
        assertThat(KeycloakRunner.prepareInitialDatabase(REALM, workDir.resolve("scratch-2"), Ports.freePort(),
                Duration.ofSeconds(180)))
                .as("kept for this realm already: nothing to do").isFalse();

        RunningKeycloak keycloak = KeycloakRunner.start(workDir.resolve("new"), Ports.freePort(), REALM,
                Duration.ofSeconds(180));
        try {
            assertThat(Tokens.password(keycloak.tokenUrl(), "liuhua-cli", "city-admin", "liuhua")).isNotBlank();
            assertThat(Tokens.clientCredentials(keycloak.tokenUrl(), "demo-firm", "demo-firm-secret")).isNotBlank();
            assertThat(Files.readString(keycloak.logFile()))
                    .contains("already exists. Import skipped")
                    .doesNotContain("Initializing database schema");
        } finally {
            keycloak.stop();
        }
    }

    @Test
    void aChangedRealmFileIsNotServedFromTheDatabaseMadeFromTheOldOne() throws Exception {
        KeycloakRunner.prepareInitialDatabase(REALM, workDir.resolve("scratch"), Ports.freePort(),
                Duration.ofSeconds(180));
        Path distribution = KeycloakRunner.locateDistribution(workDir);
        Path changed = workDir.resolve("changed-realm.json");
        Files.writeString(changed, Files.readString(REALM) + "\n");

        Path home = Files.createDirectories(workDir.resolve("server"));
        KeycloakRunner.restoreInitialDatabase(distribution, home, changed);
        assertThat(home.resolve("data").resolve("h2")).doesNotExist();

        KeycloakRunner.restoreInitialDatabase(distribution, home, REALM);
        assertThat(home.resolve("data").resolve("h2")).isDirectoryContaining("glob:**.mv.db");
    }
}
