package org.liuhua.gateway.edge;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.http.server.HttpServer;

/**
 * The server side of slow-client protection: a request whose body pauses longer than
 * {@code liuhua.gateway.slow-body.read-timeout} between two reads is cut by Reactor Netty (the body's average rate is
 * checked by {@link BodySizeLimitFilter}).
 */
public class SlowRequestTimeouts implements NettyServerCustomizer {

    private final EdgeProperties.SlowBody slowBody;

    public SlowRequestTimeouts(EdgeProperties properties) {
        this.slowBody = properties.slowBody();
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.readTimeout(slowBody.readTimeout());
    }
}
