package org.liuhua.hazard.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * City-wide readers and third-party firms (contracts, firm quality; a firm its own). See {@link
 * AccessPolicy#CITY_WIDE_OR_FIRM}.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize(AccessPolicy.CITY_WIDE_OR_FIRM)
public @interface CityWideOrFirm {
}
