package org.liuhua.platform.keycloak;

/** Placeholder with the agreed API; replaced by the real runner. */
public interface RunningKeycloak extends AutoCloseable {

    String issuer();

    String tokenUrl();

    void stop();

    @Override
    default void close() {
        stop();
    }
}
