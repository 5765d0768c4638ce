package org.liuhua.kit.security;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Bearer tokens already verified (signature, issuer, audience, expiry), each kept with what its check answered until
 * the token expires, so that a client's next calls with the same token skip the RSA signature check: an app, a firm or
 * the cockpit sends the same token for minutes (docs/adr/0015). The key is the whole token, so only the exact string
 * that passed is found; an expired entry is never answered (the next call is checked again and refused). At most
 * {@code capacity} tokens are kept: when full, expired entries go first, then all.
 *
 * @param <T> what the check answered (the decoded token)
 */
public final class VerifiedTokens<T> {

    public static final int DEFAULT_CAPACITY = 10_000;

    private record Entry<T>(T value, Instant expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final Clock clock;
    private final Function<T, Instant> expiry;

    /**
     * @param expiry the token's expiry, read from what the check answered (null: the token is not kept)
     */
    public VerifiedTokens(int capacity, Clock clock, Function<T, Instant> expiry) {
        this.capacity = capacity;
        this.clock = clock;
        this.expiry = expiry;
    }

    /** What the check answered for this token, or null when it was not checked yet or has expired since. */
    public T get(String token) {
        Entry<T> entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(token, entry);
            return null;
        }
        return entry.value();
    }

    /** Keeps what the check answered for this token until it expires; answers it. */
    public T put(String token, T verified) {
        Instant expiresAt = expiry.apply(verified);
        if (expiresAt == null || !clock.instant().isBefore(expiresAt)) {
            return verified;
        }
        if (entries.size() >= capacity) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
            if (entries.size() >= capacity) {
                entries.clear();
            }
        }
        entries.put(token, new Entry<>(verified, expiresAt));
        return verified;
    }

    public int size() {
        return entries.size();
    }
}
