package org.liuhua.kit.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/**
 * W3C trace context ({@code traceparent}) of the work in progress, kept in the logging context so that every log line
 * carries {@code traceId}. The gateway starts a trace, services continue it, the outbox stores it with each event and
 * consumers continue it from the CloudEvents {@code traceparent} extension.
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";
    public static final String MDC_TRACE_ID = "traceId";
    static final String MDC_TRACEPARENT = "traceparent";
    private static final Pattern VALID = Pattern.compile("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceContext() {
    }

    /** Continues the given trace (a new span id), or starts a new one when it is absent or malformed. */
    public static String enter(String incoming) {
        String traceId = incoming != null && VALID.matcher(incoming).matches()
                ? incoming.substring(3, 35)
                : randomHex(16);
        String traceparent = "00-" + traceId + "-" + randomHex(8) + "-01";
        MDC.put(MDC_TRACE_ID, traceId);
        MDC.put(MDC_TRACEPARENT, traceparent);
        return traceparent;
    }

    public static void exit() {
        MDC.remove(MDC_TRACE_ID);
        MDC.remove(MDC_TRACEPARENT);
    }

    public static String currentTraceparent() {
        return MDC.get(MDC_TRACEPARENT);
    }

    public static String currentTraceId() {
        return MDC.get(MDC_TRACE_ID);
    }

    private static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
