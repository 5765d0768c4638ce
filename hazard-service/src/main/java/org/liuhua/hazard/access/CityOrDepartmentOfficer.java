package org.liuhua.hazard.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/** The city admin or a department officer (sign-off). See {@link AccessPolicy#CITY_OR_DEPARTMENT_OFFICER}. */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize(AccessPolicy.CITY_OR_DEPARTMENT_OFFICER)
public @interface CityOrDepartmentOfficer {
}
