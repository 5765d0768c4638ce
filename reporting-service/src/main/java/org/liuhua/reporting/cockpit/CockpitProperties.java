package org.liuhua.reporting.cockpit;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The cockpit page's settings ({@code liuhua.cockpit.*}).
 *
 * @param issuer          the Keycloak realm URL as the <b>browser</b> reaches it (the page logs in there); defaults to
 *                        the token issuer the service checks, which is the same address on the local platform
 *                        (http://localhost:8180/realms/liuhua); set {@code LIUHUA_COCKPIT_ISSUER} where they differ
 * @param clientId        the realm's public client the page logs in with (authorization code + PKCE)
 * @param cityName        shown in the page's header
 * @param nightlyReload   the local time at which a wall screen reloads the page once a night
 * @param heartbeat       how often an open change stream gets a heartbeat (keeps proxies from closing it)
 * @param streamLifetime  how long one change stream stays open; the page reconnects with a fresh token
 * @param maxStreams      open change streams per instance; more are refused (409; the page falls back to polling)
 */
@ConfigurationProperties("liuhua.cockpit")
public record CockpitProperties(String issuer, String clientId, String cityName, LocalTime nightlyReload,
                                Duration heartbeat, Duration streamLifetime, Integer maxStreams) {

    public CockpitProperties {
        // blank: the realm that issues the API's tokens (the browser reaches it at the same address)
        issuer = issuer == null || issuer.isBlank() ? null : stripSlash(issuer);
        clientId = clientId == null || clientId.isBlank() ? "cockpit" : clientId;
        cityName = cityName == null || cityName.isBlank() ? "张家港市" : cityName;
        nightlyReload = nightlyReload == null ? LocalTime.of(3, 0) : nightlyReload;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        streamLifetime = streamLifetime == null ? Duration.ofMinutes(10) : streamLifetime;
        maxStreams = maxStreams == null ? 500 : maxStreams;
    }

    /** The origin of the issuer (scheme, host, port): the page fetches tokens there (CSP connect-src). */
    /** The realm the page logs in with: this setting, else the token issuer, else the local platform's realm. */
    public String issuerOr(String tokenIssuer) {
        if (issuer != null) {
            return issuer;
        }
        return tokenIssuer == null || tokenIssuer.isBlank() ? "http://localhost:8180/realms/liuhua"
                : stripSlash(tokenIssuer);
    }

    /** The scheme and authority of an issuer URL (for the page's Content-Security-Policy). */
    public static String origin(String issuer) {
        java.net.URI uri = java.net.URI.create(issuer);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
