package org.liuhua.bench;

import java.io.IOException;
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
 * The benchmark's HTTP client: HTTP/1.1 with kept-alive connections (as a browser or app would use), a bearer token
 * from a supplier, JSON bodies. Only loopback base URLs are accepted, so no load leaves the machine.
 */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Supplier<String> token;

    Http(String baseUrl, Supplier<String> token) {
        URI uri = URI.create(baseUrl);
        if (!"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalArgumentException("benchmark traffic stays on 127.0.0.1, not " + baseUrl);
        }
        this.baseUrl = baseUrl;
        this.token = token;
    }

    record Response(int status, String body) {

        JsonNode json() {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + (body == null ? "" : body.length() > 300 ? body.substring(0, 300) + " …" : body);
        }
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    /** A binary answer (a PDF): the status and the bytes; a transport failure answers status 0 and no bytes. */
    record Bytes(int status, byte[] body) {
    }

    Bytes getBytes(String path, String accept) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request(path).header("Accept", accept).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Bytes(0, new byte[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Bytes(0, new byte[0]);
        }
    }

    Response put(String path, Object body) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(text)));
    }

    Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    Response post(String path, Object body, Map<String, String> headers) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text));
        headers.forEach(request::header);
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json, application/problem+json");
        String bearer = token == null ? null : token.get();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    /** Sends; a transport failure (refused, timed out) answers status 0 with the exception as body. */
    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, "interrupted");
        }
    }
}
