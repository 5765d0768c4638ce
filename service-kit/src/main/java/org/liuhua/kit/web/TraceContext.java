package org.liuhua.kit.web;

import org.liuhua.kit.trace.TraceParent;
import org.slf4j.MDC;

/**
 * W3C trace context ({@code traceparent}) of the work in progress, kept in the logging context so that every log line
 * carries {@code traceId}. The gateway starts a trace, services continue it, the outbox stores it with each event and
 * consumers continue it from the CloudEvents {@code traceparent} extension. Parsing and creation are kit-core's
 * {@link TraceParent}, shared with the gateway.
 */
public final class TraceContext {

    public static final String HEADER = TraceParent.HEADER;
    public static final String MDC_TRACE_ID = "traceId";
    static final String MDC_TRACEPARENT = "traceparent";

    private TraceContext() {
    }

    /** Continues the given trace (a new span id), or starts a new one when it is absent or malformed. */
    public static String enter(String incoming) {
        return resume(TraceParent.continueOrStart(incoming));
    }

    /** Takes up a context this process already entered (e.g. again for the error page of the same request). */
    public static String resume(TraceParent trace) {
        MDC.put(MDC_TRACE_ID, trace.traceId());
        MDC.put(MDC_TRACEPARENT, trace.header());
        return trace.header();
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
}
