package org.liuhua.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/** A service stand-in behind the gateway: answers every request with what it received (method, path, headers). */
final class StubBackend {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final long SLOW_MILLIS = 15_000;
    private static HttpServer server;

    private StubBackend() {
    }

    static synchronized String url() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, Object> echo = new LinkedHashMap<>();
                echo.put("method", exchange.getRequestMethod());
                echo.put("path", exchange.getRequestURI().getPath());
                echo.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
                echo.put("traceparent", exchange.getRequestHeaders().getFirst("traceparent"));
                echo.put("bodyBytes", body.length);
                for (String header : List.of("X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto",
                        "Forwarded", "X-Real-IP", "Idempotency-Key")) {
                    echo.put(header, exchange.getRequestHeaders().getFirst(header));
                }
                byte[] answer = JSON.writeValueAsString(echo).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                if (exchange.getRequestHeaders().containsKey("Idempotency-Key")) {
                    // as the services answer a repeated key: the stored first answer, marked as a replay
                    exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
                }
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            // the cockpit's change stream: one event a second for 12 s (longer than any circuit breaker time limit)
            server.createContext("/api/v1/cockpit/stream", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (var out = exchange.getResponseBody()) {
                    for (int i = 0; i < 12; i++) {
                        out.write(("event: heartbeat\ndata: {\"n\":" + i + "}\n\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        Thread.sleep(1000);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            });
            // a write that takes longer than the circuit breaker's time limit (which the tests set to 2 s)
            server.createContext("/api/v1/patrols/sync", exchange -> {
                exchange.getRequestBody().readAllBytes();
                try {
                    Thread.sleep(SLOW_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            // streams and ordinary requests at the same time
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
