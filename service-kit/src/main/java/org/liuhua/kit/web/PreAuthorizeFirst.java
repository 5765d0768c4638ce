package org.liuhua.kit.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authorization before validation: evaluates a handler's {@code @PreAuthorize} (on the method, else on its class)
 * before Spring MVC binds and validates its arguments, so that a caller whose role may not call the operation gets
 * 403, never a 400 that tells them how to shape a request they may not send. Expressions that name method arguments
 * ({@code #id}) need the bound arguments and are left to method security, which still evaluates every expression
 * again when the method is called.
 */
public class PreAuthorizeFirst implements HandlerInterceptor {

    private static final Expression NONE = null;

    private final Supplier<MethodSecurityExpressionHandler> handler;
    private final Map<Method, java.util.Optional<Expression>> expressions = new ConcurrentHashMap<>();

    public PreAuthorizeFirst(Supplier<MethodSecurityExpressionHandler> handler) {
        this.handler = handler;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handlerObject) {
        if (!(handlerObject instanceof HandlerMethod method)) {
            return true;
        }
        java.util.Optional<Expression> expression = expressions.computeIfAbsent(method.getMethod(),
                m -> java.util.Optional.ofNullable(expressionOf(method)));
        if (expression.isEmpty()) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return true;
        }
        MethodSecurityExpressionHandler expressions = handler.get();
        EvaluationContext context = expressions.createEvaluationContext(() -> authentication,
                new SimpleMethodInvocation(method.getBean(), method.getMethod(),
                        new Object[method.getMethodParameters().length]));
        boolean granted;
        try {
            granted = ExpressionUtils.evaluateAsBoolean(expression.get(), context);
        } catch (RuntimeException e) {
            return true; // left to method security, which sees the same expression with the arguments
        }
        if (!granted) {
            throw new AccessDeniedException("your role does not allow this action");
        }
        return true;
    }

    private Expression expressionOf(HandlerMethod method) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        if (rule == null || rule.value().contains("#") || rule.value().contains("returnObject")
                || rule.value().contains("filterObject")) {
            return NONE;
        }
        try {
            return handler.get().getExpressionParser().parseExpression(rule.value());
        } catch (RuntimeException e) {
            return NONE;
        }
    }
}
