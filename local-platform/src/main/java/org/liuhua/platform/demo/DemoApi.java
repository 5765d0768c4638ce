package org.liuhua.platform.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the demo data goes in: through the services' own public APIs, with a bearer token of the seeding client
 * (role CITY_ADMIN). {@code baseUrls} maps a path prefix (e.g. {@code /api/v1/establishments}) to the service that
 * owns it, so the loader can call the services directly, not through the gateway's rate limit.
 */
public class DemoApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> baseUrls;
    private final String defaultBaseUrl;
    private final Supplier<String> token;

    /**
     * @param defaultBaseUrl where paths go that no prefix in {@code baseUrls} matches (the gateway)
     * @param baseUrls       path prefix → base URL of the owning service
     * @param token          bearer token supplier (called per request; cache and refresh inside)
     */
    public DemoApi(String defaultBaseUrl, Map<String, String> baseUrls, Supplier<String> token) {
        this.defaultBaseUrl = defaultBaseUrl;
        this.baseUrls = baseUrls;
        this.token = token;
    }

    public JsonNode get(String path) {
        return send("GET", path, null, Map.of());
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public JsonNode post(String path, Object body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public JsonNode put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    /** Sends and answers the JSON body; a non-2xx answer fails with its status and problem detail. */
    public JsonNode send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrlFor(path) + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.get());
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new DemoLoadException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            String text = response.body();
            return text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        } catch (DemoLoadException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoLoadException(method + " " + path + " interrupted");
        } catch (Exception e) {
            throw new DemoLoadException(method + " " + path + " failed: " + e);
        }
    }

    private String baseUrlFor(String path) {
        return baseUrls.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(defaultBaseUrl);
    }

    /** A demo load step failed; the message names the request and the service's answer. */
    public static class DemoLoadException extends RuntimeException {
        public DemoLoadException(String message) {
            super(message);
        }
    }
}
