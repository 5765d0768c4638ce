package org.liuhua.hazard.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/** Only the city admin (contracts). See {@link AccessPolicy#CITY_ADMIN_ONLY}. */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize(AccessPolicy.CITY_ADMIN_ONLY)
public @interface CityAdminOnly {
}
