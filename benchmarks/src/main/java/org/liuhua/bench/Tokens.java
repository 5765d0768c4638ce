package org.liuhua.bench;

import java.util.function.Supplier;

/**
 * A token re-signed before it expires (TestTokens issue tokens valid for ten minutes; a run takes several), so a
 * long scenario never starts failing with 401 half-way.
 */
final class Tokens implements Supplier<String> {

    private static final long RENEW_AFTER_NANOS = 4L * 60 * 1_000_000_000L;

    private final Supplier<String> signer;
    private String token;
    private long signedAt;

    Tokens(Supplier<String> signer) {
        this.signer = signer;
    }

    @Override
    public synchronized String get() {
        long now = System.nanoTime();
        if (token == null || now - signedAt > RENEW_AFTER_NANOS) {
            token = signer.get();
            signedAt = now;
        }
        return token;
    }
}
