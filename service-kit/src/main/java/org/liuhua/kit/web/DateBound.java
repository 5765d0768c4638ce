package org.liuhua.kit.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents on which side of today a date of a request must lie, as the OpenAPI extension
 * {@value ApiDocsConfiguration#DATE_BOUND} of the property, for a bound the service checks itself in the city's
 * calendar ({@code CityCalendar}: its time zone and its clock, which Bean Validation's {@code @Future} and
 * {@code @Past} do not know; those are documented the same way). It changes nothing at run time.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface DateBound {

    Side value();

    enum Side {
        FUTURE("future"), FUTURE_OR_PRESENT("future-or-present"), PAST("past"), PAST_OR_PRESENT("past-or-present");

        private final String extension;

        Side(String extension) {
            this.extension = extension;
        }

        /** The value of the document's extension. */
        public String extension() {
            return extension;
        }
    }
}
