package org.liuhua.kit.trace;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A W3C trace context header ({@code traceparent}, version 00): the trace every hop shares, the span of this hop and
 * the flags. The gateway starts or continues the trace of a request, services continue it, events carry it.
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param spanId  16 lower-case hex digits, not all zero
 * @param flags   2 hex digits ({@code 01}: sampled)
 */
public record TraceParent(String traceId, String spanId, String flags) {

    public static final String HEADER = "traceparent";
    /** The response header that tells a client which trace to quote. */
    public static final String TRACE_ID_HEADER = "X-Trace-Id";
    private static final Pattern VALID = Pattern.compile("^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_SPAN_ID = "0".repeat(16);
    private static final String SAMPLED = "01";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The header's trace context, or empty when it is absent or malformed (then a new trace starts). */
    public static Optional<TraceParent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher match = VALID.matcher(header.trim());
        if (!match.matches() || INVALID_TRACE_ID.equals(match.group(1)) || INVALID_SPAN_ID.equals(match.group(2))) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(match.group(1), match.group(2), match.group(3)));
    }

    /** A new trace, sampled. */
    public static TraceParent start() {
        return new TraceParent(randomHex(16), randomHex(8), SAMPLED);
    }

    /** This hop's context: the caller's trace with a new span id, or a new trace when the header is not valid. */
    public static TraceParent continueOrStart(String incoming) {
        return parse(incoming).map(TraceParent::child).orElseGet(TraceParent::start);
    }

    /** The same trace and flags, a new span. */
    public TraceParent child() {
        return new TraceParent(traceId, randomHex(8), flags);
    }

    /** The header value, {@code 00-<trace id>-<span id>-<flags>}. */
    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    @Override
    public String toString() {
        return header();
    }

    private static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
