package org.liuhua.grid;

import java.net.URI;

import org.springframework.http.ResponseEntity;

/**
 * The outcome of a create with a caller-chosen id: created (201), or the same content sent again (200, nothing
 * changed). Different content under an existing id is a 409 raised before this is made.
 */
public record Saved<T>(T value, boolean created) {

    public static <T> Saved<T> created(T value) {
        return new Saved<>(value, true);
    }

    public static <T> Saved<T> unchanged(T value) {
        return new Saved<>(value, false);
    }

    public <V> ResponseEntity<V> toResponse(String location, java.util.function.Function<T, V> view) {
        return created ? ResponseEntity.created(URI.create(location)).body(view.apply(value))
                : ResponseEntity.ok(view.apply(value));
    }
}
