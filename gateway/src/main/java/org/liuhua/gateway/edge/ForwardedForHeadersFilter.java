package org.liuhua.gateway.edge;

import java.util.List;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The forwarded headers a service receives, so that its {@code getRemoteAddr()} is the caller (the services trust the
 * gateway as their proxy and take the right-most hop): {@code X-Forwarded-For} is the chain the trusted proxies vouch
 * for ({@link ClientAddresses}) with the peer of this connection appended; {@code X-Forwarded-Proto}, {@code -Host}
 * and {@code -Port} are how the caller reached the gateway (taken from a trusted proxy when there is one), so links
 * the services write point at the entry point. Whatever a caller wrote into these headers, or into {@code Forwarded}
 * or {@code X-Real-IP}, is dropped: Spring Cloud Gateway's own filters (order 0) remove {@code X-Forwarded-*} and
 * {@code Forwarded} while no {@code spring.cloud.gateway.server.webflux.trusted-proxies} is set, and this runs after
 * them.
 */
public class ForwardedForHeadersFilter implements HttpHeadersFilter, Ordered {

    private final ClientAddresses addresses;

    public ForwardedForHeadersFilter(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders original = request.getHeaders();
        boolean trustedProxy = addresses.fromTrustedProxy(request);
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (!lower.startsWith("x-forwarded-") && !lower.equals("forwarded") && !lower.equals("x-real-ip")) {
                headers.addAll(name, values);
            }
        });
        headers.put("X-Forwarded-For", List.of(String.join(", ", addresses.forwardedFor(request))));
        String scheme = request.getURI().getScheme();
        String host = original.getFirst(HttpHeaders.HOST);
        int port = request.getURI().getPort();
        headers.set("X-Forwarded-Proto", vouched(trustedProxy, original, "X-Forwarded-Proto", scheme));
        if (host != null) {
            headers.set("X-Forwarded-Host", vouched(trustedProxy, original, "X-Forwarded-Host", host));
        }
        String ownPort = port > 0 ? String.valueOf(port) : ("https".equals(scheme) ? "443" : "80");
        headers.set("X-Forwarded-Port", vouched(trustedProxy, original, "X-Forwarded-Port", ownPort));
        return headers;
    }

    private static String vouched(boolean trustedProxy, HttpHeaders original, String name, String own) {
        String fromProxy = trustedProxy ? original.getFirst(name) : null;
        if (fromProxy == null || fromProxy.isBlank()) {
            return own;
        }
        // a proxy chain appends: the left-most value is what the first (outermost) proxy saw
        return fromProxy.split(",")[0].trim();
    }

    @Override
    public int getOrder() {
        // after RemoveXForwardedHeadersFilter / RemoveForwardedHeadersFilter (order 0)
        return 100;
    }
}
