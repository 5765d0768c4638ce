package org.liuhua.gateway.edge;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.liuhua.kit.problem.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Guards request bodies. Size: at most {@code liuhua.gateway.max-body-size} (1 MiB, JSON), or
 * {@code max-multipart-body-size} (10 MiB) for {@code multipart/*} uploads; refused with 413 problem+json at once when
 * the declared {@code Content-Length} is too large, and while streaming when a chunked body grows past the limit.
 * Speed: a body whose average rate after {@code slow-body.grace} is below {@code slow-body.min-rate} per second is
 * refused with 408 problem+json and the connection closed, so a caller trickling a byte every few seconds cannot hold
 * a connection and a service thread for minutes (a body that stops completely is cut by the server's read timeout,
 * {@link SlowRequestTimeouts}).
 */
public class BodySizeLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;
    private final long maxMultipartBytes;
    private final EdgeProperties.SlowBody slowBody;
    private final LongSupplier nanoClock;

    public BodySizeLimitFilter(EdgeProperties properties) {
        this(properties, System::nanoTime);
    }

    BodySizeLimitFilter(EdgeProperties properties, LongSupplier nanoClock) {
        this.maxBytes = properties.maxBodySize().toBytes();
        this.maxMultipartBytes = properties.maxMultipartBodySize().toBytes();
        this.slowBody = properties.slowBody();
        this.nanoClock = nanoClock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        long limit = type != null && "multipart".equalsIgnoreCase(type.getType()) ? maxMultipartBytes : maxBytes;
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return tooLarge(exchange, limit);
        }
        AtomicLong started = new AtomicLong();
        long graceNanos = slowBody.grace().toNanos();
        double minBytesPerNano = slowBody.minRate().toBytes() / 1e9;
        AtomicLong seen = new AtomicLong();
        ServerHttpRequestDecorator guarded = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                // the clock starts when the gateway starts reading the body (after token checks and routing)
                return super.getBody().doOnSubscribe(s -> started.compareAndSet(0, nanoClock.getAsLong()))
                        .doOnNext(buffer -> {
                            long total = seen.addAndGet(buffer.readableByteCount());
                            if (total > limit) {
                                throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                                        "the request body is larger than the limit of " + limit + " bytes");
                            }
                            long elapsed = nanoClock.getAsLong() - started.get();
                            boolean complete = declared >= 0 && total >= declared;
                            if (!complete && elapsed > graceNanos && total < elapsed * minBytesPerNano) {
                                throw new SlowBodyException(Duration.ofNanos(elapsed), total);
                            }
                        });
            }
        };
        return chain.filter(exchange.mutate().request(guarded).build());
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        return ProblemResponses.write(exchange, HttpStatus.CONTENT_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE,
                "the request body is larger than the limit of " + limit + " bytes");
    }

    @Override
    public int getOrder() {
        // before token validation: an oversized upload is refused without further work
        return -200;
    }

    /** 408 for a body that arrives too slowly; the connection is closed after the answer. */
    static final class SlowBodyException extends ResponseStatusException {

        SlowBodyException(Duration elapsed, long bytes) {
            super(HttpStatus.REQUEST_TIMEOUT, "the request body arrived too slowly (" + bytes + " bytes in "
                    + elapsed.toSeconds() + " s); send it again at once");
        }

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.CONNECTION, "close");
            return headers;
        }
    }
}
