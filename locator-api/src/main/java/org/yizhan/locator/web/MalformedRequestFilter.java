package org.yizhan.locator.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, up front and with a 4xx problem, requests that would otherwise fail deep inside the
 * framework as a 500.
 *
 * <p>Content-Type: a wildcard ({@code *}{@code /*}, {@code application/*}) or an unparsable value
 * is an assertion error in Spring's header handling; here it is a 415.
 *
 * <p>Parameters: Tomcat decodes the query string (and a form body) lazily, on the first {@code getParameter},
 * and throws when it meets a broken percent-escape, bytes that are not UTF-8, a parameter
 * without a name or too many parameters. That first call may come from any filter or handler,
 * where the exception would be a 500. Parsing here, once, up front turns every such request into
 * one 400 that says what to fix. Multipart bodies are left to Spring's multipart handling (see
 * {@link ProblemDetailsAdvice}), so that upload size limits still answer 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MalformedRequestFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    MalformedRequestFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (controlCharacterInHeader(request)) {
            // Spring Security's firewall would refuse it later, lazily, where no problem detail can be written.
            problems.write(request, response, HttpStatus.BAD_REQUEST, "request.header.invalid");
            return;
        }
        String contentType = request.getContentType();
        if (contentType != null && !concrete(contentType)) {
            problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.contentType.invalid");
            return;
        }
        if (!isMultipart(request)) {
            try {
                request.getParameterMap();
            } catch (IllegalStateException | IllegalArgumentException malformed) {
                problems.write(request, response, HttpStatus.BAD_REQUEST, describe(malformed));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The key of the caller's fix; Tomcat's own message may quote the undecodable bytes, so it is not echoed. */
    static String describe(RuntimeException malformed) {
        String message = String.valueOf(malformed.getMessage());
        if (message.contains("maximum number")) return "request.query.tooMany";
        if (message.contains("Invalid chunk")) return "request.query.unnamed";
        return "request.query.malformed";
    }

    private static boolean controlCharacterInHeader(HttpServletRequest request) {
        for (String name : java.util.Collections.list(request.getHeaderNames())) {
            for (String value : java.util.Collections.list(request.getHeaders(name))) {
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if (c != '\t' && Character.isISOControl(c)) return true;
                }
            }
        }
        return false;
    }

    private static boolean concrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (IllegalArgumentException unparsable) {
            return false;
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null
                && type.regionMatches(
                        true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0, MediaType.MULTIPART_FORM_DATA_VALUE.length());
    }
}
