package org.liuhua.platform.keycloak;

import java.nio.file.Path;
import java.time.Duration;

/** Placeholder with the agreed API; replaced by the real runner. */
public final class KeycloakRunner {

    private KeycloakRunner() {
    }

    public static RunningKeycloak start(Path workDir, int port, Path realmJson, Duration timeout) {
        throw new UnsupportedOperationException("Keycloak runner not yet available");
    }
}
