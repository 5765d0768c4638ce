package org.liuhua.gateway.edge;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {

    private static MockServerHttpRequest from(String peer, String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/towns")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor.length > 0) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request.build();
    }

    @Test
    void withoutTrustedProxiesThePeerIsTheCallerWhateverTheHeaderSays() {
        ClientAddresses addresses = new ClientAddresses(List.of());

        MockServerHttpRequest request = from("198.51.100.7", "203.0.113.9, 10.0.0.1");
        assertThat(addresses.client(request)).isEqualTo("198.51.100.7");
        assertThat(addresses.forwardedFor(request)).containsExactly("198.51.100.7");
    }

    @Test
    void behindATrustedProxyTheCallerIsTheRightMostHopItVouchesFor() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.5"));

        // the caller forged "1.2.3.4"; the ingress (10.1.2.3) appended the address it saw, 203.0.113.9
        MockServerHttpRequest request = from("10.1.2.3", "1.2.3.4, 203.0.113.9");
        assertThat(addresses.client(request)).isEqualTo("203.0.113.9");
        assertThat(addresses.forwardedFor(request)).containsExactly("203.0.113.9", "10.1.2.3");

        MockServerHttpRequest twoProxies = from("10.1.2.3", "1.2.3.4", "203.0.113.9, 192.168.1.5");
        assertThat(addresses.client(twoProxies)).isEqualTo("203.0.113.9");
        assertThat(addresses.forwardedFor(twoProxies)).containsExactly("203.0.113.9", "192.168.1.5", "10.1.2.3");

        assertThat(addresses.client(from("10.1.2.3"))).isEqualTo("10.1.2.3");
        assertThat(addresses.client(from("10.1.2.3", "evil.example"))).isEqualTo("10.1.2.3");
        assertThat(addresses.client(from("198.51.100.7", "203.0.113.9"))).as("not a trusted peer")
                .isEqualTo("198.51.100.7");
    }

    @Test
    void blocksMatchByPrefixAndNamesAreNeverResolved() {
        ClientAddresses addresses = new ClientAddresses(List.of("172.16.0.0/12", "fd00::/8"));

        assertThat(addresses.trusted("172.31.255.1")).isTrue();
        assertThat(addresses.trusted("172.32.0.1")).isFalse();
        assertThat(addresses.trusted("fd12::1")).isTrue();
        assertThat(addresses.trusted("localhost")).isFalse();
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
