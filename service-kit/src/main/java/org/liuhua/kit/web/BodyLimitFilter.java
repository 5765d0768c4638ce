package org.liuhua.kit.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.liuhua.kit.problem.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body other than multipart ({@link LimitsProperties}): one whose {@code Content-Length} is over
 * the limit is answered 413 before a byte of it is read; a chunked one is counted while it is read and refused (413)
 * when it passes the limit; a body still arriving after {@code body-read-timeout} is refused with 408. Nothing
 * reads a body whole before this check has seen it. Multipart uploads have their own limits
 * ({@code spring.servlet.multipart.*}), enforced by the container.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

    /** Set on a request whose body was refused: its connection is closed rather than read to the end. */
    public static final String ABORTED = BodyLimitFilter.class.getName() + ".aborted";

    private final long maxBytes;
    private final long timeoutNanos;

    public BodyLimitFilter(LimitsProperties limits) {
        this.maxBytes = limits.maxBodySize().toBytes();
        this.timeoutNanos = limits.bodyReadTimeout().toNanos();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase().startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            request.setAttribute(ABORTED, Boolean.TRUE);
            response.setHeader(HttpHeaders.CONNECTION, "close");
            ProblemWriter.write(response, ProblemHandling.problem(HttpStatus.PAYLOAD_TOO_LARGE,
                    ProblemType.PAYLOAD_TOO_LARGE, tooLarge()));
            return;
        }
        chain.doFilter(new Limited(request, System.nanoTime()), response);
    }

    private String tooLarge() {
        return "the request body is larger than " + maxBytes + " bytes";
    }

    private final class Limited extends HttpServletRequestWrapper {

        private final long started;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long started) {
            super(request);
            this.started = started;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counted(super.getInputStream(), started, this);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private final class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private final long started;
        private final HttpServletRequest request;
        private long count;

        Counted(ServletInputStream in, long started, HttpServletRequest request) {
            this.in = in;
            this.started = started;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            checkTime();
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkTime();
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > maxBytes) {
                request.setAttribute(ABORTED, Boolean.TRUE);
                throw new BodyLimitException(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge());
            }
            checkTime();
        }

        private void checkTime() throws IOException {
            if (System.nanoTime() - started > timeoutNanos) {
                request.setAttribute(ABORTED, Boolean.TRUE);
                throw new BodyLimitException(HttpStatus.REQUEST_TIMEOUT,
                        "the request body did not arrive within " + timeoutNanos / 1_000_000_000 + " s");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
