package org.liuhua.e2e.faults;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import org.liuhua.kit.test.TestHttp;

/**
 * A client writing one kind of record again and again on its own thread while a fault happens, recording what it
 * was told about each write: acknowledged (2xx, with the id the service answered), refused (the connection was
 * refused: the request reached no server, so nothing was stored) or in doubt (the connection broke or the answer was
 * an error after the request was sent: it may or may not have been stored). Each write carries a marker of its own
 * (and an {@code Idempotency-Key}), so the test can tell afterwards which of them were stored.
 */
final class Writer implements AutoCloseable {

    enum Outcome { ACKNOWLEDGED, REFUSED, IN_DOUBT }

    /** What the client was told about one write. */
    record Attempt(String marker, String idempotencyKey, Outcome outcome, int status, String id, String detail) {
    }

    /** Sends one write carrying {@code marker} with the given headers. */
    interface Write {
        TestHttp.Response send(TestHttp api, String marker, Map<String, String> headers);
    }

    private final String name;
    private final String prefix;
    private final Supplier<TestHttp> api;
    private final Write write;
    private final Function<TestHttp.Response, String> idOf;
    private final boolean retryRefusedWithSameKey;
    private final List<Attempt> attempts = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Thread thread;
    private final Duration pause;

    private Writer(String name, String prefix, Supplier<TestHttp> api, Write write,
                   Function<TestHttp.Response, String> idOf, boolean retryRefusedWithSameKey, Duration pause) {
        this.name = name;
        this.prefix = prefix;
        this.api = api;
        this.write = write;
        this.idOf = idOf;
        this.retryRefusedWithSameKey = retryRefusedWithSameKey;
        this.pause = pause;
        this.thread = new Thread(this::run, "writer-" + name);
        thread.setDaemon(true);
    }

    /** Starts writing at once; {@code prefix} starts every marker. */
    static Writer start(String name, String prefix, Supplier<TestHttp> api, Write write,
                        Function<TestHttp.Response, String> idOf) {
        return start(name, prefix, api, write, idOf, false, Duration.ZERO);
    }

    /**
     * @param retryRefusedWithSameKey a write whose connection was refused is sent again with the same marker and key
     *                                (safe: it reached no server) until it gets an answer
     */
    static Writer start(String name, String prefix, Supplier<TestHttp> api, Write write,
                        Function<TestHttp.Response, String> idOf, boolean retryRefusedWithSameKey, Duration pause) {
        Writer writer = new Writer(name, prefix, api, write, idOf, retryRefusedWithSameKey, pause);
        writer.thread.start();
        return writer;
    }

    private void run() {
        int n = 0;
        String marker = null;
        String key = null;
        while (!stopping.get()) {
            if (marker == null) {
                n++;
                marker = prefix + "-" + n;
                key = UUID.randomUUID().toString();
            }
            Attempt attempt = attempt(marker, key);
            synchronized (attempts) {
                attempts.add(attempt);
            }
            boolean again = attempt.outcome() == Outcome.REFUSED && retryRefusedWithSameKey;
            if (!again) {
                marker = null;
            }
            if (attempt.outcome() != Outcome.ACKNOWLEDGED) {
                sleep(200);
            } else if (!pause.isZero()) {
                sleep(pause.toMillis());
            }
        }
    }

    Attempt attempt(String marker, String key) {
        try {
            TestHttp.Response response = write.send(api.get(), marker, Map.of("Idempotency-Key", key));
            if (response.status() >= 200 && response.status() < 300) {
                return new Attempt(marker, key, Outcome.ACKNOWLEDGED, response.status(), idOf.apply(response), null);
            }
            return new Attempt(marker, key, Outcome.IN_DOUBT, response.status(), null, response.toString());
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof ConnectException)) {
                cause = cause.getCause();
            }
            return new Attempt(marker, key, cause instanceof ConnectException ? Outcome.REFUSED : Outcome.IN_DOUBT,
                    0, null, e.toString());
        }
    }

    List<Attempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    List<Attempt> with(Outcome outcome) {
        return attempts().stream().filter(a -> a.outcome() == outcome).toList();
    }

    long acknowledgedCount() {
        return with(Outcome.ACKNOWLEDGED).size();
    }

    /** Waits until this writer has {@code count} more acknowledged writes than {@code since}. */
    void awaitAcknowledged(long since, int count, Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        while (acknowledgedCount() < since + count) {
            if (System.nanoTime() > until) {
                throw new AssertionError(name + ": fewer than " + count + " writes acknowledged within " + timeout
                        + "; last attempts " + tail());
            }
            sleep(50);
        }
    }

    List<Attempt> tail() {
        List<Attempt> all = attempts();
        return all.subList(Math.max(0, all.size() - 3), all.size());
    }

    /** Stops after the write in progress; answers every attempt made. */
    List<Attempt> stop() {
        stopping.set(true);
        try {
            thread.join(Duration.ofSeconds(40).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return attempts();
    }

    String name() {
        return name;
    }

    String summary() {
        return name + ": " + with(Outcome.ACKNOWLEDGED).size() + " acknowledged, " + with(Outcome.REFUSED).size()
                + " refused, " + with(Outcome.IN_DOUBT).size() + " in doubt";
    }

    @Override
    public void close() {
        stop();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
