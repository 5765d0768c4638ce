package org.liuhua.hazard.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Everyone but the read-only cockpit viewer (evidence uploads; a city admin who is also a viewer may). See {@link
 * AccessPolicy#NOT_READ_ONLY}.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize(AccessPolicy.NOT_READ_ONLY)
public @interface NotReadOnly {
}
