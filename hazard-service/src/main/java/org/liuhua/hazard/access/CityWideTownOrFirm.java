package org.liuhua.hazard.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * City-wide readers, town officers (their town's part) and third-party firms (their own): a contract's report. See
 * {@link AccessPolicy#CITY_WIDE_TOWN_OR_FIRM}.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize(AccessPolicy.CITY_WIDE_TOWN_OR_FIRM)
public @interface CityWideTownOrFirm {
}
