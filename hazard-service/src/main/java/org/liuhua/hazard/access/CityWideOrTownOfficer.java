package org.liuhua.hazard.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * City-wide readers and town officers (public reports, rewards; a town its own). See {@link
 * AccessPolicy#CITY_WIDE_OR_TOWN_OFFICER}.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize(AccessPolicy.CITY_WIDE_OR_TOWN_OFFICER)
public @interface CityWideOrTownOfficer {
}
