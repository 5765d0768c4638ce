package org.liuhua.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A throw-away data folder after the platform stopped: the stored data goes, the logs stay. */
class DataFolderTest {

    @TempDir
    Path data;

    @Test
    void theBrokersTheStoresAndKeycloaksDataAreRemovedAndTheLogsKept() throws Exception {
        for (String file : List.of("kafka/meta.properties", "mongo/liuhua/store.mv.db",
                "keycloak/server/data/h2/keycloakdb.mv.db", "keycloak/keycloak.log", "logs/hazard-service.log")) {
            Files.createDirectories(data.resolve(file).getParent());
            Files.writeString(data.resolve(file), "x");
        }
        Platform platform = new Platform(data, data, Ports.free(), List.of(),
                d -> IdentityProvider.keys("http://127.0.0.1:9/unused", "http://127.0.0.1:9/unused/certs"),
                Platform.localJvmOptions());

        platform.deleteDataKeepingLogs();

        assertThat(data.resolve("kafka")).doesNotExist();
        assertThat(data.resolve("mongo")).doesNotExist();
        assertThat(data.resolve("keycloak").resolve("server")).doesNotExist();
        assertThat(data.resolve("keycloak").resolve("keycloak.log")).hasContent("x");
        assertThat(data.resolve("logs").resolve("hazard-service.log")).hasContent("x");
    }
}
