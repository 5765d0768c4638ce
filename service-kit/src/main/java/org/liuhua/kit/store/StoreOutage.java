package org.liuhua.kit.store;

import java.util.IdentityHashMap;
import java.util.Map;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoStalePrimaryException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells a failure of the store from a failure of the message: an event that failed because MongoDB could not be
 * reached or could not serve at that moment is good and must be applied later, never dead-lettered. Any exception in
 * the cause chain counts:
 * <ul>
 *   <li>Spring's {@link DataAccessResourceFailureException} (what the Mongo translator makes of socket errors, server
 *   selection and connection timeouts, a lost cursor) and {@link TransientDataAccessException}, except
 *   {@link ConcurrencyFailureException} (an optimistic-lock conflict the handler keeps causing is the handler's, not
 *   the store's: it keeps the quick retries and the dead-letter topic);</li>
 *   <li>the driver's own, also when untranslated: {@link MongoSocketException} (open, read, write, closed),
 *   {@link MongoTimeoutException} (server selection, pool check-out, operation time-outs),
 *   {@link MongoNotPrimaryException}, {@link MongoNodeIsRecoveringException}, {@link MongoStalePrimaryException}
 *   (an election), {@link MongoServerUnavailableException}, {@link MongoConnectionPoolClearedException},
 *   {@link MongoSecurityException} (the connection's authentication: credentials are configuration, not data),
 *   {@link MongoInterruptedException} (the operation was cut off, e.g. at shutdown), and any {@link MongoException}
 *   the server labels {@code RetryableWriteError} or {@code TransientTransactionError}.</li>
 * </ul>
 * Not counted (the message or the handler is at fault, or retrying cannot help): duplicate keys and other integrity
 * violations, bad queries or documents ({@code InvalidDataAccessApiUsageException}, a document too large), a query
 * that exceeds its own {@code maxTimeMS} ({@code MongoExecutionTimeoutException}), payloads that cannot be read,
 * domain rule violations.
 */
public final class StoreOutage {

    /** The server's label on a write that may be retried (a failover, a network error); the driver has no constant. */
    private static final String RETRYABLE_WRITE_ERROR = "RetryableWriteError";

    private StoreOutage() {
    }

    /** Whether the failure, or any exception it was caused by, says the store is away rather than the event bad. */
    public static boolean isCause(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (isOutage(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutage(Throwable t) {
        if (t instanceof DataAccessResourceFailureException) {
            return true;
        }
        if (t instanceof TransientDataAccessException) {
            return !(t instanceof ConcurrencyFailureException);
        }
        return t instanceof MongoSocketException || t instanceof MongoTimeoutException
                || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException
                || t instanceof MongoStalePrimaryException || t instanceof MongoServerUnavailableException
                || t instanceof MongoConnectionPoolClearedException || t instanceof MongoSecurityException
                || t instanceof MongoInterruptedException
                || t instanceof MongoException mongo && (mongo.hasErrorLabel(RETRYABLE_WRITE_ERROR)
                || mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL));
    }
}
