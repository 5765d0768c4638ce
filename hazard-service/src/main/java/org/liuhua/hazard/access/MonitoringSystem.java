package org.liuhua.hazard.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/** A monitoring system's client (sensor and AI-video alerts). See {@link AccessPolicy#SYSTEM}. */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize(AccessPolicy.SYSTEM)
public @interface MonitoringSystem {
}
