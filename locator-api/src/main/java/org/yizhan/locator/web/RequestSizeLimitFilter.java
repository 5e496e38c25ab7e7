package org.yizhan.locator.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yizhan.locator.config.YizhanProperties;

/**
 * Refuses request bodies over {@code yizhan.max-request-bytes} with 413, both when the client
 * declares the length and when it streams more than it may (chunked encoding).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** Register files, planning point files and station photos are the uploads allowed to be large. */
    static final String IMPORT_PATH = "/api/v1/register/imports";

    static final String PLANNING_PATH = "/api/v1/planning/sets";
    private static final java.util.regex.Pattern PHOTO_PATH =
            java.util.regex.Pattern.compile("/api/v1/stations/[^/]+/photos");
    /** Along-route search takes a route of up to 10,000 vertices as GeoJSON (about 300 KB). */
    static final String ROUTE_PATH = "/api/v1/stations/along-route";

    private static final long ROUTE_MAX_BYTES = 1024 * 1024;
    /** Room for the multipart envelope around a photo of the largest accepted size. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final long jsonMaxBytes;
    private final long importMaxBytes;
    private final long planningMaxBytes;
    private final long photoMaxBytes;
    private final ProblemWriter problems;

    RequestSizeLimitFilter(YizhanProperties properties, ProblemWriter problems) {
        this.jsonMaxBytes = properties.maxRequestBytes();
        this.importMaxBytes = properties.maxImportBytes();
        this.planningMaxBytes = properties.maxPlanningBytes();
        this.photoMaxBytes = properties.photos().maxBytes() + MULTIPART_OVERHEAD;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath();
        long maxBytes = IMPORT_PATH.equals(path)
                ? importMaxBytes
                : PLANNING_PATH.equals(path) && "POST".equals(request.getMethod())
                        ? planningMaxBytes
                        : PHOTO_PATH.matcher(path).matches()
                                ? photoMaxBytes
                                : ROUTE_PATH.equals(path) ? Math.max(jsonMaxBytes, ROUTE_MAX_BYTES) : jsonMaxBytes;
        if (request.getContentLengthLong() > maxBytes) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "request.body.limit", maxBytes);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, maxBytes), response);
        } catch (BodyTooLargeException | ServletException e) {
            if (!(e instanceof BodyTooLargeException) && !(e.getCause() instanceof BodyTooLargeException)) throw e;
            if (!response.isCommitted()) {
                response.reset();
                problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "request.body.limit", maxBytes);
            }
        }
    }

    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body too large");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private @Nullable ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) stream = new LimitedStream(super.getInputStream(), maxBytes);
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        LimitedStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) throw new BodyTooLargeException();
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
