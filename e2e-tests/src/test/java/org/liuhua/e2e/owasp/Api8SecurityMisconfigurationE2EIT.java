package org.liuhua.e2e.owasp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.util.Collections;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.liuhua.e2e.RunningPlatform;
import org.liuhua.kit.test.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API8:2023 Security Misconfiguration. Services listen on the loopback address only (the gateway is the one
 * entrance), their metrics are not served on the API port without a token, their health answers UP on the embedded
 * store, their error pages are problems and never 500, and the gateway answers unknown paths with a 404 problem and
 * sets the usual protective headers.
 */
class Api8SecurityMisconfigurationE2EIT {

    @Test
    void servicesAnswerHealthButNotMetricsOrErrorPagesOnTheirApiPort() {
        for (String service : OpenApiDocuments.SERVICES) {
            TestHttp anonymous = new TestHttp(RunningPlatform.get().service(service).baseUrl());
            assertThat(anonymous.get("/livez").status()).as(service + " /livez").isEqualTo(200);
            assertThat(anonymous.get("/readyz").status()).as(service + " /readyz").isEqualTo(200);
            TestHttp.Response health = new TestHttp(RunningPlatform.get().service(service).managementUrl())
                    .get("/actuator/health");
            assertThat(health.status()).as(service + " " + health).isEqualTo(200);
            assertThat(health.json().path("status").asString()).as("UP on the embedded store").isEqualTo("UP");
            assertThat(anonymous.get("/actuator/prometheus").status()).as(service).isIn(401, 403, 404);
            assertThat(anonymous.get("/actuator/env").status()).as(service).isIn(401, 403, 404);
            TestHttp.Response error = RunningPlatform.direct(service).get("/error");
            assertThat(error.status()).as(service + " /error " + error).isBetween(400, 499);
        }
    }

    @Test
    void servicesDoNotListenOnTheMachinesOtherAddresses() throws Exception {
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (Exception e) {
                        return false;
                    }
                })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address).findFirst();
        assertThat(external).as("this machine has a non-loopback IPv4 address to probe").isPresent();
        for (String service : OpenApiDocuments.SERVICES) {
            int port = URI.create(RunningPlatform.get().service(service).baseUrl()).getPort();
            boolean reachable;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(external.get(), port), 1000);
                reachable = true;
            } catch (java.io.IOException refused) {
                reachable = false;
            }
            assertThat(reachable).as(service + " on " + external.get() + ":" + port).isFalse();
        }
    }

    @Test
    void theGatewayAnswersUnknownPathsWithAProblemAndSetsProtectiveHeaders() {
        TestHttp.Response unknown = Probes.admin().get("/api/v1/nothing-lives-here");
        Probes.assertProblem(unknown, 404);
        TestHttp.Response anonymousUnknown = Probes.anonymous().get("/no/such/page");
        assertThat(anonymousUnknown.status()).isIn(401, 404);
        TestHttp.Response page = Probes.admin().get("/api/v1/towns");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
