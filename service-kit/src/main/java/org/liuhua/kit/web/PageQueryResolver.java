package org.liuhua.kit.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Builds a {@link PageQuery} controller parameter from {@code page}, {@code size} and {@code sort}. */
public class PageQueryResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return PageQuery.class.equals(parameter.getParameterType());
    }

    @Override
    public PageQuery resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                     NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String[] sort = request.getParameterValues("sort");
        List<String> orders = sort == null ? List.of() : Arrays.stream(sort)
                // "sort=a,desc&sort=b" and "sort=a,desc;b,asc" both name several orders
                .flatMap(s -> Arrays.stream(s.split(";"))).toList();
        return PageQuery.parse(request.getParameter("page"), request.getParameter("size"), orders,
                parameter.getParameterAnnotation(SortableBy.class));
    }
}
