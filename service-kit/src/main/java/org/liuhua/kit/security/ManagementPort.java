package org.liuhua.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The port of the separate management server, when {@code management.server.port} starts one: requests arriving there
 * are open (that port is bound to the loopback address or reachable only inside the cluster), while the actuator on
 * the service's own port asks for a token. Learnt from the management server's start, so a random port works too.
 */
public class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

    static final String NAMESPACE = "management";

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
            started(event.getWebServer().getPort());
        }
    }

    void started(int managementPort) {
        port = managementPort;
    }

    /** Whether the request came in on the separate management server's port. */
    public boolean isManagementRequest(HttpServletRequest request) {
        return port > 0 && request.getLocalPort() == port;
    }

    int port() {
        return port;
    }
}
