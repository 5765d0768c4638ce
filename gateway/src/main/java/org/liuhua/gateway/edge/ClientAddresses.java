package org.liuhua.gateway.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who is calling, as far as the gateway can know it. The peer of the connection is the caller, unless it is one of
 * {@code liuhua.gateway.trusted-proxies} (addresses or CIDR blocks, e.g. the ingress controller's pod network): then
 * the caller is the right-most {@code X-Forwarded-For} hop that is not a trusted proxy, i.e. the address the
 * trusted proxy itself saw. Hops a caller wrote into the header itself are never believed: without trusted proxies
 * (the default) the header is ignored entirely. Only literal IP addresses are considered, never names (no DNS).
 */
public final class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Block> trusted;

    public ClientAddresses(List<String> trustedProxies) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                blocks.add(Block.parse(entry.trim()));
            }
        }
        this.trusted = List.copyOf(blocks);
    }

    /** The caller's address; "unknown" when the connection has none (never null). */
    public String client(ServerHttpRequest request) {
        Resolved resolved = resolve(request);
        return resolved.client();
    }

    /**
     * The {@code X-Forwarded-For} to send to a service: the hops the trusted proxies vouch for (starting with the
     * caller), then the peer of this connection. Without a trusted proxy in front, just the peer.
     */
    public List<String> forwardedFor(ServerHttpRequest request) {
        Resolved resolved = resolve(request);
        List<String> chain = new ArrayList<>(resolved.vouched());
        chain.add(resolved.peer());
        return chain;
    }

    /** Whether the peer of this connection is a trusted proxy (whose forwarded headers are believed). */
    public boolean fromTrustedProxy(ServerHttpRequest request) {
        return trusted(peer(request));
    }

    boolean trusted(String address) {
        if (trusted.isEmpty()) {
            return false;
        }
        Optional<InetAddress> literal = literal(address);
        return literal.isPresent() && trusted.stream().anyMatch(block -> block.contains(literal.get()));
    }

    private Resolved resolve(ServerHttpRequest request) {
        String peer = peer(request);
        if (!trusted(peer)) {
            return new Resolved(peer, peer, List.of());
        }
        List<String> hops = new ArrayList<>();
        for (String value : request.getHeaders().getOrEmpty("X-Forwarded-For")) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        int i = hops.size() - 1;
        while (i >= 0 && trusted(hops.get(i))) {
            i--;
        }
        if (i < 0) {
            // only trusted proxies (or nothing) in the header: the left-most is the nearest thing to a caller
            return new Resolved(hops.isEmpty() ? peer : hops.get(0), peer, hops);
        }
        if (literal(hops.get(i)).isEmpty()) {
            // the proxy vouched for something that is not an address: the proxy is the caller we know
            return new Resolved(peer, peer, List.of());
        }
        return new Resolved(hops.get(i), peer, List.copyOf(hops.subList(i, hops.size())));
    }

    private static String peer(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    static Optional<InetAddress> literal(String value) {
        String address = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1)
                : value;
        int zone = address.indexOf('%');
        if (zone > 0) {
            address = address.substring(0, zone);
        }
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    private record Resolved(String client, String peer, List<String> vouched) {
    }

    /** An address block: {@code 10.0.0.0/8}, {@code fd00::/8} or a single address. */
    private record Block(byte[] network, int prefix) {

        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            InetAddress network = literal(address).orElseThrow(() -> new IllegalArgumentException(
                    "liuhua.gateway.trusted-proxies: '" + cidr + "' is not an IP address or CIDR block"));
            int bits = network.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("liuhua.gateway.trusted-proxies: bad prefix in '" + cidr + "'");
            }
            return new Block(network.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (bytes[whole] & mask) == (network[whole] & mask);
        }
    }
}
