package org.liuhua.hazard.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/** Who sends findings with photos: inspectors (patrol sync) and third-party firms (batches). See {@link AccessPolicy#INSPECTOR_OR_FIRM}. */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize(AccessPolicy.INSPECTOR_OR_FIRM)
public @interface InspectorOrFirm {
}
