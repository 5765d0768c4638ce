package org.liuhua.platform.keycloak;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets access tokens from the realm's token endpoint: client credentials (firms, the demo data loader) and the
 * password grant through the public {@code liuhua-cli} client (scripts and tests, demo realm only).
 */
public final class Tokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Tokens() {
    }

    /** A token for a confidential client's service account. */
    public static String clientCredentials(String tokenUrl, String clientId, String clientSecret) {
        return request(tokenUrl, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientSecret)).path("access_token").asString();
    }

    /** A token for a user, through a public client with direct access grants (e.g. {@code liuhua-cli}). */
    public static String password(String tokenUrl, String clientId, String username, String password) {
        return request(tokenUrl, Map.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", password)).path("access_token").asString();
    }

    /**
     * A supplier that keeps a client-credentials token and fetches a new one shortly before it expires; for
     * long-running callers such as the demo data loader.
     */
    public static Supplier<String> cachedClientCredentials(String tokenUrl, String clientId, String clientSecret) {
        return cached(tokenUrl, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientSecret));
    }

    /** Like {@link #cachedClientCredentials} for a user through a public client with direct access grants. */
    public static Supplier<String> cachedPassword(String tokenUrl, String clientId, String username,
                                                  String password) {
        return cached(tokenUrl, Map.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", password));
    }

    private static Supplier<String> cached(String tokenUrl, Map<String, String> form) {
        return new Supplier<>() {
            private String token;
            private Instant renewAt = Instant.EPOCH;

            @Override
            public synchronized String get() {
                if (token == null || Instant.now().isAfter(renewAt)) {
                    JsonNode answer = request(tokenUrl, form);
                    token = answer.path("access_token").asString();
                    long lifetime = answer.path("expires_in").asLong(60);
                    renewAt = Instant.now().plusSeconds(Math.max(5, lifetime - 30));
                }
                return token;
            }
        };
    }

    /** The claims of a token, decoded without verifying it (for display and tests; never for decisions). */
    public static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static JsonNode request(String tokenUrl, Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new TokenRefusedException(response.statusCode(), response.body());
            }
            return JSON.readTree(response.body());
        } catch (TokenRefusedException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + tokenUrl + " for a token", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot get a token from " + tokenUrl + ": " + e, e);
        }
    }

    /** The token endpoint refused the request (wrong secret, wrong password, unknown client). */
    public static final class TokenRefusedException extends RuntimeException {

        private final int status;

        public TokenRefusedException(int status, String body) {
            super("token request refused with " + status + ": " + body);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
