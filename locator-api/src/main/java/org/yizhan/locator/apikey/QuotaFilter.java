package org.yizhan.locator.apikey;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yizhan.locator.web.DatabaseFaults;
import org.yizhan.locator.web.ProblemWriter;

/**
 * Counts every API request ({@code /api/**} and the OGC API under {@code /ogcapi}) against its
 * caller's quota and says where the caller stands in the IETF {@code RateLimit-Policy} and
 * {@code RateLimit} fields (draft-ietf-httpapi-ratelimit-headers, structured-field syntax), on
 * every answer, refusals included. A request over quota gets 429
 * with {@code Retry-After}; a key that is unknown or revoked gets 401 and counts against the
 * client address, so guessing keys is rate-limited like any anonymous call.
 *
 * <p>The caller is the key of {@code X-API-Key}, or else the client address as Tomcat's
 * RemoteIpValve gives it (forwarded headers only from trusted proxies). It runs in the security
 * chain right after CORS, so a cross-origin app can read its 429, and before sign-in, so
 * guessing passwords is counted too. Preflights are not counted.
 */
@Component
public class QuotaFilter extends OncePerRequestFilter {

    public static final String API_KEY_HEADER = "X-API-Key";

    private final QuotaCounters counters;
    private final ApiKeys keys;
    private final QuotaProperties quota;
    private final ProblemWriter problems;
    private final AddressKeys addresses;

    QuotaFilter(
            QuotaCounters counters,
            ApiKeys keys,
            QuotaProperties quota,
            ProblemWriter problems,
            AddressKeys addresses) {
        this.addresses = addresses;
        this.counters = counters;
        this.keys = keys;
        this.quota = quota;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !quota.enabled() || "OPTIONS".equals(request.getMethod()) || !counted(request.getRequestURI());
    }

    /**
     * The JSON API and the OGC API (features, its HTML pages and the vector tiles): a GIS client
     * or a map paging through tiles is an API caller like any app.
     */
    static boolean counted(String uri) {
        return uri.startsWith("/api/") || uri.equals("/ogcapi") || uri.startsWith("/ogcapi/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(API_KEY_HEADER);
        Optional<ApiKeys.ActiveKey> key = Optional.empty();
        boolean keyRefused = false;
        if (presented != null && !presented.isBlank()) {
            try {
                key = keys.find(presented.strip());
            } catch (RuntimeException e) {
                if (!DatabaseFaults.isUnavailable(e)) throw e;
                problems.writeUnavailable(request, response);
                return;
            }
            keyRefused = key.isEmpty();
        }
        QuotaCounters.Decision decision = key.isPresent()
                ? counters.take("k" + key.get().id(), key.get().limit())
                : counters.take(addresses.subject(request.getRemoteAddr()), quota.anonymous());
        response.setHeader("RateLimit-Policy", policyField(decision));
        response.setHeader("RateLimit", stateField(decision));
        if (!decision.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
            problems.write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    key.isPresent() ? "quota.key.used" : "quota.anonymous.used",
                    decision.retryAfterSeconds());
            return;
        }
        if (keyRefused) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "apiKey.unknown");
            return;
        }
        chain.doFilter(request, response);
    }

    /** {@code "minute";q=1200;w=60, "day";q=500000;w=86400} */
    static String policyField(QuotaCounters.Decision decision) {
        StringBuilder field = new StringBuilder(64);
        for (QuotaCounters.PolicyState p : decision.policies()) {
            if (!field.isEmpty()) field.append(", ");
            field.append('"')
                    .append(p.policy())
                    .append("\";q=")
                    .append(p.quota())
                    .append(";w=")
                    .append(p.windowSeconds());
        }
        return field.toString();
    }

    /** {@code "minute";r=42;t=17, "day";r=499958;t=40000} */
    static String stateField(QuotaCounters.Decision decision) {
        StringBuilder field = new StringBuilder(64);
        for (QuotaCounters.PolicyState p : decision.policies()) {
            if (!field.isEmpty()) field.append(", ");
            field.append('"')
                    .append(p.policy())
                    .append("\";r=")
                    .append(p.remaining())
                    .append(";t=")
                    .append(p.resetSeconds());
        }
        return field.toString();
    }
}
