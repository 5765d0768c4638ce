package org.liuhua.hazard.webhook;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.domain.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which endpoints a firm may name (OWASP API7): the loopback exceptions stay as narrow as configured. */
class EndpointsTest {

    private static WebhookProperties properties(boolean allowHttpLoopback, List<Integer> loopbackPorts) {
        return new WebhookProperties(null, allowHttpLoopback, null, null, null, null, null, null, null,
                loopbackPorts);
    }

    @Test
    void aListedLoopbackPortTakesPlainHttpAndNoOtherLoopbackPortDoes() {
        WebhookProperties listed = properties(false, List.of(18443));

        assertThat(Endpoints.check("http://127.0.0.1:18443/hooks", listed, "url").getPort()).isEqualTo(18443);
        for (String refused : List.of("http://127.0.0.1:8082/api/v1/hazards", "https://127.0.0.1:18443/hooks",
                "http://127.0.0.1/hooks", "http://10.1.2.3:18443/hooks")) {
            assertThatThrownBy(() -> Endpoints.check(refused, listed, "url")).as(refused)
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void byDefaultOnlyHttpsToAPublicAddressIsAccepted() {
        WebhookProperties defaults = properties(false, null);

        assertThat(Endpoints.check("https://203.0.113.10/liuhua/hooks", defaults, "url").getHost())
                .isEqualTo("203.0.113.10");
        for (String refused : List.of("http://127.0.0.1:18443/hooks", "https://169.254.169.254/latest/meta-data",
                "https://192.168.1.10/hook", "gopher://127.0.0.1:6379/_INFO")) {
            assertThatThrownBy(() -> Endpoints.check(refused, defaults, "url")).as(refused)
                    .isInstanceOf(InvalidInputException.class);
        }
    }
}
