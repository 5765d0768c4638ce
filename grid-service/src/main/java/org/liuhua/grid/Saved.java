package org.liuhua.grid;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.liuhua.kit.domain.AggregateRoot;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.store.AggregateStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;

/**
 * The outcome of an idempotent write: created or changed (201), or the same request sent again (200, nothing
 * written). grid-service's clients choose the ids (offline-first apps, registry imports), so every create and most
 * commands may arrive twice; {@link #insertOnce} and {@link #change} are the two ways they are written, both on the
 * kit's {@link AggregateStore}.
 */
public record Saved<T>(T value, boolean created) {

    public static <T> Saved<T> created(T value) {
        return new Saved<>(value, true);
    }

    public static <T> Saved<T> unchanged(T value) {
        return new Saved<>(value, false);
    }

    /**
     * Inserts a new aggregate under its caller-chosen id. When the id exists, the same content is "unchanged" and
     * different content is the conflict {@code different} (also when a concurrent insert of the same id came first).
     *
     * @param sameContent whether the stored aggregate has the content of the candidate
     */
    public static <T extends AggregateRoot> Saved<T> insertOnce(AggregateStore<T> store, T candidate,
                                                                Predicate<T> sameContent,
                                                                Supplier<ConflictException> different) {
        Optional<T> existing = store.findById(candidate.aggregateId());
        if (existing.isPresent()) {
            return same(existing.get(), sameContent, different);
        }
        try {
            return created(store.insert(candidate));
        } catch (DuplicateKeyException concurrent) {
            return same(store.findById(candidate.aggregateId()).orElseThrow(different), sameContent, different);
        }
    }

    /**
     * Applies a command that may find nothing to do (a re-sent request) to the stored aggregate: written, with its
     * new events, only when the command answers that it changed something. The store repeats the command on a fresh
     * load when a concurrent write came first.
     *
     * @param command checks the rules (and the caller's scope) and answers whether it changed the aggregate
     */
    public static <T extends AggregateRoot> Saved<T> change(AggregateStore<T> store, String id, String what,
                                                            Predicate<T> command) {
        AtomicReference<T> applied = new AtomicReference<>();
        Object outcome = store.change(id, what, aggregate -> {
            applied.set(aggregate);
            return command.test(aggregate) ? aggregate : AggregateStore.NO_CHANGE;
        });
        return new Saved<>(applied.get(), outcome != AggregateStore.NO_CHANGE);
    }

    public <V> Saved<V> map(Function<T, V> mapper) {
        return new Saved<>(mapper.apply(value), created);
    }

    public <V> ResponseEntity<V> toResponse(String location, Function<T, V> view) {
        return created ? ResponseEntity.created(URI.create(location)).body(view.apply(value))
                : ResponseEntity.ok(view.apply(value));
    }

    private static <T> Saved<T> same(T existing, Predicate<T> sameContent, Supplier<ConflictException> different) {
        if (sameContent.test(existing)) {
            return unchanged(existing);
        }
        throw different.get();
    }
}
