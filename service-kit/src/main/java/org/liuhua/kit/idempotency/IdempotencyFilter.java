package org.liuhua.kit.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.bson.types.Binary;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.problem.ProblemType;
import org.liuhua.kit.problem.Problems;
import org.liuhua.kit.web.BodyLimitException;
import org.liuhua.kit.web.ProblemHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for every POST, PUT and PATCH of a service (ADR 10). The first request with a key runs and
 * its 2xx answer (status, content type, {@code Location}, body) is stored under the caller and the key; a repeat with
 * the same key and the same request (method, path, query and body) gets the stored answer with
 * {@code Idempotent-Replayed: true} and changes nothing; the same key with a different request is a 422 naming
 * {@code Idempotency-Key}; a repeat while the first is still running is a 409. A 4xx or 5xx answer is not stored, so
 * the request may be retried (with a corrected body) under the same key. Requests without the header pay nothing;
 * a keyed request costs one insert by {@code _id} (and one read by {@code _id} when it is a repeat). Multipart uploads
 * are passed through unkeyed.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final String COLLECTION = "idempotency_keys";
    static final int MAX_KEY_LENGTH = 200;
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final IdempotencyProperties properties;

    public IdempotencyFilter(MongoTemplate mongo, Clock clock, IdempotencyProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    /** The TTL index that lets a real MongoDB remove expired keys (the embedded stand-in ignores it). */
    public void createIndex() {
        try {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("expireAt", Sort.Direction.ASC)
                    .expire(java.time.Duration.ZERO).named("expireAt"));
        } catch (RuntimeException e) {
            log.warn("cannot create the TTL index of {}: {}", COLLECTION, e.toString());
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !properties.enabled() || !METHODS.contains(request.getMethod()) || request.getHeader(HEADER) == null
                || contentType != null && contentType.toLowerCase().startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            ProblemDetail problem = ProblemHandling.problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_INPUT,
                    HEADER + ": must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters (a UUID)");
            problem.setProperty("errors", List.of(new FieldProblem(HEADER,
                    "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters (a UUID)")));
            write(response, problem, null);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodyLimitException e) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
            write(response, ProblemHandling.problem(e.status(), ProblemType.of(e.status()), e.getMessage()), null);
            return;
        }
        String id = caller(request) + " " + key;
        String hash = hash(request, body);
        Instant now = clock.instant();
        if (!claim(id, hash, now)) {
            Document stored = mongo.findById(id, Document.class, COLLECTION);
            if (stored == null || isStale(stored, now)) {
                mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
                if (!claim(id, hash, now)) {
                    inProgress(response);
                    return;
                }
            } else if (!hash.equals(stored.getString("requestHash"))) {
                ProblemDetail problem = ProblemHandling.problem(HttpStatus.UNPROCESSABLE_CONTENT,
                        ProblemType.IDEMPOTENCY_KEY_REUSED, HEADER
                                + ": this key was already used for a different request; use a new key for it");
                problem.setProperty("errors", List.of(new FieldProblem(HEADER, "was used for a different request")));
                write(response, problem, null);
                return;
            } else if ("DONE".equals(stored.getString("state"))) {
                replay(stored, response);
                return;
            } else {
                inProgress(response);
                return;
            }
        }
        run(id, new CachedBody(request, body), response, chain);
    }

    private void run(String id, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, answer);
            if (HttpStatusCode.valueOf(answer.getStatus()).is2xxSuccessful() && !request.isAsyncStarted()) {
                Instant now = clock.instant();
                Update done = new Update().set("state", "DONE").set("status", answer.getStatus())
                        .set("contentType", answer.getContentType())
                        .set("location", answer.getHeader(HttpHeaders.LOCATION))
                        .set("body", new Binary(answer.getContentAsByteArray()))
                        .set("completedAt", Date.from(now))
                        .set("expireAt", Date.from(now.plus(properties.ttl())));
                mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), done, COLLECTION);
                stored = true;
            }
        } finally {
            if (!stored) {
                release(id);
            }
            answer.copyBodyToResponse();
        }
    }

    private boolean claim(String id, String hash, Instant now) {
        try {
            mongo.insert(new Document("_id", id).append("requestHash", hash).append("state", "IN_PROGRESS")
                    .append("startedAt", Date.from(now))
                    .append("expireAt", Date.from(now.plus(properties.ttl()))), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private void release(String id) {
        try {
            mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
        } catch (RuntimeException e) {
            log.warn("cannot release idempotency key {}: {}", id, e.toString());
        }
    }

    private boolean isStale(Document stored, Instant now) {
        Date started = stored.getDate("startedAt");
        return "IN_PROGRESS".equals(stored.getString("state")) && started != null
                && started.toInstant().plus(properties.inProgress()).isBefore(now);
    }

    private static void replay(Document stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.getInteger("status", 200));
        if (stored.getString("contentType") != null) {
            response.setContentType(stored.getString("contentType"));
        }
        if (stored.getString("location") != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.getString("location"));
        }
        response.setHeader(REPLAYED, "true");
        Object body = stored.get("body");
        byte[] bytes = body instanceof Binary binary ? binary.getData() : new byte[0];
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static void inProgress(HttpServletResponse response) throws IOException {
        ProblemDetail problem = ProblemHandling.problem(HttpStatus.CONFLICT, ProblemType.REQUEST_IN_PROGRESS,
                "the first request with this " + HEADER + " is still being processed; retry in a moment");
        write(response, problem, "1");
    }

    private static void write(HttpServletResponse response, ProblemDetail problem, String retryAfter)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(Problems.MEDIA_TYPE);
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        response.getOutputStream().write(Problems.json(problem));
    }

    /** The caller the key belongs to: the token's subject (or client), else the anonymous caller's address. */
    private static String caller(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            String subject = token.getToken().getSubject();
            if (subject == null) {
                subject = token.getToken().getClaimAsString("azp");
            }
            if (subject != null) {
                return subject;
            }
        }
        return "anonymous@" + request.getRemoteAddr();
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read, for the handlers behind this filter. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was already read");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
