package org.liuhua.hazard.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The city admin, the cockpit viewer or an officer (reading warning interviews). See {@link
 * AccessPolicy#CITY_WIDE_OR_OFFICER}.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize(AccessPolicy.CITY_WIDE_OR_OFFICER)
public @interface CityWideOrOfficer {
}
