package org.yizhan.locator.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/**
 * Content-Security-Policy and framing per page. Only the pages made for other sites' iframes
 * ({@code /embed} and a plaque's {@code /s/{code}}) may be framed, by any origin; everything else
 * (workspace, inbox, planning, the API) refuses framing in both the CSP and X-Frame-Options, so a
 * signed-in page cannot be clickjacked. No page runs inline script.
 */
final class FramingHeaders implements HeaderWriter {

    static final String POLICY = "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors ";

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (response.containsHeader("Content-Security-Policy")) return;
        if (embeddable(path(request))) {
            response.setHeader("Content-Security-Policy", POLICY + "*");
        } else {
            response.setHeader("Content-Security-Policy", POLICY + "'none'");
            response.setHeader("X-Frame-Options", "DENY");
        }
    }

    static boolean embeddable(String path) {
        return path.equals("/embed") || path.equals("/embed/") || (path.startsWith("/s/") && path.indexOf('/', 3) < 0);
    }

    /**
     * The path the browser asked for. The pages are forwards to one HTML file, and headers may be
     * written only when the response commits, inside the forward; the original path is then kept
     * in the forward attributes.
     */
    private static String path(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String uri = original instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
