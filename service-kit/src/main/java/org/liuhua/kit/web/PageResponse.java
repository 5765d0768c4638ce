package org.liuhua.kit.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * The one shape every list endpoint answers with.
 *
 * @param items         this page's items (summaries, not whole aggregates)
 * @param page          zero-based page number
 * @param size          the page size asked for (after the maximum was applied)
 * @param totalElements items matching the filter on all pages
 * @param totalPages    pages of this size
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalElements, int totalPages) {

    public static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }

    public static <T> PageResponse<T> of(Page<T> page) {
        return of(page, Function.identity());
    }

    /** A page cut from a list computed in memory (already filtered and sorted). */
    public static <T> PageResponse<T> of(List<T> all, PageQuery query) {
        int from = (int) Math.min((long) query.page() * query.size(), all.size());
        int to = Math.min(from + query.size(), all.size());
        return new PageResponse<>(List.copyOf(all.subList(from, to)), query.page(), query.size(), all.size(),
                (all.size() + query.size() - 1) / query.size());
    }
}
