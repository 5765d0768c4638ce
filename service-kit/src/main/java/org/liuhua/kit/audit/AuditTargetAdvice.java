package org.liuhua.kit.audit;

import java.lang.reflect.Method;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Notes the {@code id} of the object a POST answers with (a record's {@code id()}, a bean's {@code getId()} or a map's
 * {@code id}), so that the audit of a creation names the created object.
 */
@ControllerAdvice
public class AuditTargetAdvice implements ResponseBodyAdvice<Object> {

    static final String BODY_ID_ATTRIBUTE = AuditTargetAdvice.class.getName() + ".bodyId";

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body != null && request instanceof ServletServerHttpRequest servlet
                && "POST".equals(servlet.getServletRequest().getMethod())) {
            String id = idOf(body);
            if (id != null) {
                servlet.getServletRequest().setAttribute(BODY_ID_ATTRIBUTE, id);
            }
        }
        return body;
    }

    static String idOf(Object body) {
        if (body instanceof Map<?, ?> map) {
            Object id = map.get("id");
            return id == null ? null : id.toString();
        }
        if (body instanceof CharSequence || body.getClass().getName().startsWith("org.springframework.http.")) {
            return null;
        }
        for (String name : new String[] {"id", "getId"}) {
            try {
                Method accessor = body.getClass().getMethod(name);
                if (accessor.getParameterCount() == 0) {
                    Object id = accessor.invoke(body);
                    return id == null ? null : id.toString();
                }
            } catch (ReflectiveOperationException | RuntimeException absent) {
                // next candidate
            }
        }
        return null;
    }
}
