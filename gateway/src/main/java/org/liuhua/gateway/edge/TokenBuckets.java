package org.liuhua.gateway.edge;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * In-memory token buckets, one per key. Each gateway replica limits on its own: behind a load balancer with N
 * replicas a client gets up to N times the configured rate, which is acceptable for protecting the services from a
 * runaway client (a shared store such as Redis would make the limit exact). Buckets idle long enough to be full
 * again are dropped.
 */
public class TokenBuckets {

    private final EdgeProperties.RateLimit limit;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double tokensPerNano;
    private final long refillNanos;
    private final AtomicLong lastSweep;

    public TokenBuckets(EdgeProperties.RateLimit limit) {
        this(limit, System::nanoTime);
    }

    TokenBuckets(EdgeProperties.RateLimit limit, LongSupplier nanoClock) {
        this.limit = limit;
        this.nanoClock = nanoClock;
        this.tokensPerNano = (double) limit.requests() / limit.period().toNanos();
        this.refillNanos = (long) Math.ceil(limit.burst() / tokensPerNano);
        this.lastSweep = new AtomicLong(nanoClock.getAsLong());
    }

    /** Takes one token for {@code key}; answers whether it was allowed and, if not, when to try again. */
    public Decision tryConsume(String key) {
        long now = nanoClock.getAsLong();
        sweep(now);
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit.burst(), now));
        synchronized (bucket) {
            bucket.refill(now, tokensPerNano, limit.burst());
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, (long) Math.floor(bucket.tokens), Duration.ZERO);
            }
            long waitNanos = (long) Math.ceil((1 - bucket.tokens) / tokensPerNano);
            return new Decision(false, 0, Duration.ofNanos(waitNanos));
        }
    }

    public long limit() {
        return limit.burst();
    }

    int size() {
        return buckets.size();
    }

    private void sweep(long now) {
        long last = lastSweep.get();
        long every = Math.max(refillNanos, Duration.ofSeconds(30).toNanos());
        if (now - last < every || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return now - e.getValue().updated >= refillNanos;
            }
        });
    }

    /** @param retryAfter how long until a token is available again (zero when allowed) */
    public record Decision(boolean allowed, long remaining, Duration retryAfter) {

        /** Whole seconds for a {@code Retry-After} header, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, (long) Math.ceil(retryAfter.toMillis() / 1000.0));
        }
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        void refill(long now, double perNano, long capacity) {
            if (now > updated) {
                tokens = Math.min(capacity, tokens + (now - updated) * perNano);
                updated = now;
            }
        }
    }
}
