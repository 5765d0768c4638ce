package org.liuhua.kit.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on a {@link PageQuery} parameter, the fields a list may be sorted by and its default order. A {@code sort}
 * naming any other field is a 400 naming the {@code sort} parameter, never a query on an unindexed or internal
 * field.
 *
 * <pre>{@code
 * PageResponse<HazardSummary> list(..., @SortableBy(value = {"reportedAt", "deadline"}, byDefault = "reportedAt,desc")
 *                                       PageQuery page)
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface SortableBy {

    /** Field names the client may sort by. */
    String[] value();

    /** The order when the client names none, as {@code field,asc|desc}; more than one separated by {@code ;}. */
    String byDefault() default "";

    /** The page size when the client names none. */
    int defaultSize() default PageQuery.DEFAULT_SIZE;
}
