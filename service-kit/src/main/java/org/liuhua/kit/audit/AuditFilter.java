package org.liuhua.kit.audit;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.liuhua.kit.security.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every state-changing request (POST, PUT, PATCH, DELETE) that reached an endpoint: who (subject, user
 * name, client, roles), what (method and route pattern), on what (target id), when, and with what outcome (the
 * status answered, including 403 from method security and every error). Requests refused before they reached an
 * endpoint (no or invalid token: 401; unknown path) are not recorded: they changed nothing and would let anyone fill
 * the log. Runs inside Spring Security's filter chain, so the caller is known.
 */
public class AuditFilter extends OncePerRequestFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditRecorder recorder;

    public AuditFilter(AuditRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !STATE_CHANGING.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod) {
                Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                String action = request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
                recorder.record(caller(), action, target(request, response), response.getStatus());
            }
        }
    }

    private static Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token ? Caller.from(token.getToken()) : null;
    }

    @SuppressWarnings("unchecked")
    static String target(HttpServletRequest request, HttpServletResponse response) {
        Object explicit = request.getAttribute(Audit.TARGET_ATTRIBUTE);
        if (explicit != null) {
            return explicit.toString();
        }
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map && !map.isEmpty()) {
            Map<String, String> uriVariables = (Map<String, String>) map;
            if (uriVariables.containsKey("id")) {
                return uriVariables.get("id");
            }
        }
        Object created = request.getAttribute(AuditTargetAdvice.BODY_ID_ATTRIBUTE);
        if (created != null) {
            return created.toString();
        }
        String location = response.getHeader("Location");
        if (location != null && !location.isBlank()) {
            String trimmed = location.replaceAll("/+$", "");
            return trimmed.substring(trimmed.lastIndexOf('/') + 1);
        }
        if (variables instanceof Map<?, ?> map && !map.isEmpty()) {
            List<?> values = List.copyOf(map.values());
            return String.valueOf(values.get(values.size() - 1));
        }
        return null;
    }
}
