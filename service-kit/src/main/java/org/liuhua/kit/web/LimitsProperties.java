package org.liuhua.kit.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The limits every service puts on what a request may carry (ADR 10). Multipart uploads are limited by
 * {@code spring.servlet.multipart.*} (10 MB in the kit defaults), page sizes by {@code PageQuery.MAX_SIZE}.
 *
 * @param maxStringLength the longest JSON string value a body may carry, in characters (default 10,000); a longer
 *                        one is a 400 naming its field. Each service's DTOs set their own, smaller {@code @Size}
 * @param maxBodySize     the largest request body other than multipart (default 1 MB); a larger one is a 413,
 *                        refused from its {@code Content-Length} before it is read, or when a chunked body passes it
 * @param bodyReadTimeout how long a service waits for a whole request body (default 30 s); a client still
 *                        sending after that gets a 408 and its connection closed. Each single wait for the next
 *                        bytes is bounded by {@code server.tomcat.connection-timeout} (10 s in the kit defaults)
 */
@ConfigurationProperties("liuhua.limits")
public record LimitsProperties(Integer maxStringLength, DataSize maxBodySize, Duration bodyReadTimeout,
                               Integer maxParameterLength) {

    public LimitsProperties {
        maxStringLength = maxStringLength == null || maxStringLength <= 0 ? 10_000 : maxStringLength;
        maxBodySize = maxBodySize == null || maxBodySize.toBytes() <= 0 ? DataSize.ofMegabytes(1) : maxBodySize;
        bodyReadTimeout = bodyReadTimeout == null || bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()
                ? Duration.ofSeconds(30) : bodyReadTimeout;
        maxParameterLength = maxParameterLength == null || maxParameterLength <= 0 ? 500 : maxParameterLength;
    }
}
