package org.liuhua.hazard.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

import org.liuhua.kit.domain.InvalidInputException;

/**
 * Which webhook endpoints a firm may register (OWASP API7, server-side request forgery): an absolute HTTPS URL without
 * user info or fragment whose host resolves only to public addresses — no loopback, private (10/8, 172.16/12,
 * 192.168/16, fc00::/7), link-local (169.254/16 with the cloud metadata address, fe80::/10), carrier-grade NAT
 * (100.64/10), wildcard or multicast address. {@code http://} to a loopback address only when
 * {@code allow-http-loopback} is set (the service's own tests), or on a port listed in {@code loopback-ports} (a
 * receiver the operator runs beside the platform: the end-to-end tests' one). Checked on registration and again before every attempt (a
 * name may resolve elsewhere later); redirects are never followed.
 */
final class Endpoints {

    private Endpoints() {
    }

    /** The endpoint as a URI, or 400 naming {@code field}. */
    static URI check(String url, WebhookProperties properties, String field) {
        boolean allowHttpLoopback = properties.allowHttpLoopback();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new InvalidInputException(field, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
            throw new InvalidInputException(field, "an absolute https URL with a host, without user info or fragment");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidInputException(field, "the endpoint must use https");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new InvalidInputException(field, "the host does not resolve: " + uri.getHost());
        }
        boolean allLoopback = true;
        for (InetAddress a : addresses) {
            allLoopback &= a.isLoopbackAddress();
        }
        if (scheme.equals("http")) {
            if (allLoopback && properties.acceptsHttpLoopback(uri.getPort() < 0 ? 80 : uri.getPort())) {
                return uri;
            }
            throw new InvalidInputException(field, "the endpoint must use https");
        }
        if (!scheme.equals("https")) {
            throw new InvalidInputException(field, "the endpoint must use https");
        }
        if (allowHttpLoopback && allLoopback) {
            return uri;
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                throw new InvalidInputException(field, "the host resolves to a non-public address ("
                        + a.getHostAddress() + "); webhooks go to public endpoints only");
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second <= 127) && first < 224;
        }
        return (b[0] & 0xfe) != 0xfc; // IPv6 unique local fc00::/7
    }
}
