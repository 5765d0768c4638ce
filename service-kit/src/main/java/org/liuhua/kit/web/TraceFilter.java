package org.liuhua.kit.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/** Continues the caller's trace for the duration of a request and answers with the trace id. */
public class TraceFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceparent = TraceContext.enter(request.getHeader(TraceContext.HEADER));
        response.setHeader(TraceContext.HEADER, traceparent);
        response.setHeader("X-Trace-Id", TraceContext.currentTraceId());
        try {
            chain.doFilter(request, response);
        } finally {
            TraceContext.exit();
        }
    }
}
