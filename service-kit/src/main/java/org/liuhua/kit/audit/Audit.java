package org.liuhua.kit.audit;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Lets a controller name the object a request acted on when the audit cannot tell by itself (it takes the
 * {@code id} path variable, a {@code Location} header, or the {@code id} of the answered body otherwise).
 */
public final class Audit {

    static final String TARGET_ATTRIBUTE = Audit.class.getName() + ".targetId";

    private Audit() {
    }

    /** Records {@code targetId} as the object of the current request's audit entry. */
    public static void target(String targetId) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null && targetId != null) {
            attributes.setAttribute(TARGET_ATTRIBUTE, targetId, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
