package org.liuhua.hazard.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * An officer or the establishment's safety officer (acknowledge, rectify). See {@link
 * AccessPolicy#OFFICER_OR_ENTERPRISE}.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize(AccessPolicy.OFFICER_OR_ENTERPRISE)
public @interface OfficerOrEnterprise {
}
