package org.liuhua.platform;

import java.io.IOException;
import java.net.ServerSocket;

/** The ports of one platform: the standard ones for the run command, free ones for tests. */
public record Ports(int gateway, int grid, int hazard, int training, int manual, int reporting, int kafka,
                   int kafkaController, int mongo, int keycloak) {

    public static Ports standard() {
        return new Ports(8080, 8081, 8082, 8083, 8084, 8085, 9092, 9093, 27017, 8180);
    }

    /** Free ports, so tests pass while a platform is running on the standard ones. */
    public static Ports free() {
        return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort(), freePort());
    }

    /** A port nothing listens on right now (the platform's and the store's tests bind their servers to it). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
