package org.liuhua.kit.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The actuator is open only on the separate management port, never on the service's own. */
class ManagementPortTest {

    @Test
    void onlyRequestsOnTheManagementServersPortAreManagementRequests() {
        ManagementPort port = new ManagementPort();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.setLocalPort(8081);
        assertThat(port.isManagementRequest(request)).as("no management server").isFalse();

        port.started(9081);
        assertThat(port.isManagementRequest(request)).isFalse();
        request.setLocalPort(9081);
        assertThat(port.isManagementRequest(request)).isTrue();
    }
}
