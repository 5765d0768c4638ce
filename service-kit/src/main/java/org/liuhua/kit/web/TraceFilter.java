package org.liuhua.kit.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.liuhua.kit.trace.TraceParent;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Continues the caller's trace for the duration of a request and answers with the trace id. The error page of the
 * request ({@code /error}, dispatched after the request's own filters finished) continues the same trace, so that
 * its problem answer carries the trace id the client already got in {@code X-Trace-Id}.
 */
public class TraceFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = TraceFilter.class.getName() + ".trace";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(ATTRIBUTE) instanceof TraceParent trace) {
            TraceContext.resume(trace);
        } else {
            TraceParent trace = TraceParent.continueOrStart(request.getHeader(TraceParent.HEADER));
            request.setAttribute(ATTRIBUTE, trace);
            TraceContext.resume(trace);
            response.setHeader(TraceParent.HEADER, trace.header());
            response.setHeader(TraceParent.TRACE_ID_HEADER, trace.traceId());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            TraceContext.exit();
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
