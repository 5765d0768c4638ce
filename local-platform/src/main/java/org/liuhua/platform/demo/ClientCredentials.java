package org.liuhua.platform.demo;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * A bearer token from the token endpoint (client credentials, or a password grant for a demo user), renewed before
 * it expires.
 */
public final class ClientCredentials implements Supplier<String> {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String tokenUrl;
    private final String form;
    private String token;
    private Instant renewAt = Instant.EPOCH;

    public ClientCredentials(String tokenUrl, String clientId, String secret) {
        this(tokenUrl, "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(secret), true);
    }

    private ClientCredentials(String tokenUrl, String form, boolean ignored) {
        this.tokenUrl = tokenUrl;
        this.form = form;
    }

    /** A demo user's token through the public CLI client (direct access grant; demo realm only). */
    public static ClientCredentials user(String tokenUrl, String username, String password) {
        return new ClientCredentials(tokenUrl, "grant_type=password&client_id=liuhua-cli&username="
                + encode(username) + "&password=" + encode(password), true);
    }

    @Override
    public synchronized String get() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": "
                            + response.body());
                }
                JsonNode json = DemoApi.JSON.readTree(response.body());
                token = json.get("access_token").asString();
                long expiresIn = json.path("expires_in").asLong(300);
                renewAt = Instant.now().plusSeconds(Math.max(10, expiresIn - 30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted fetching a token");
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot reach " + tokenUrl + ": " + e);
            }
        }
        return token;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
