package org.yizhan.locator.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * The XSRF-TOKEN cookie, written only for requests that have a session. CSRF only guards
 * cookie sessions (sessionless requests are exempt in {@link SecurityConfig}), so an anonymous
 * API answer has no use for a token, and a Set-Cookie would make it uncacheable for shared
 * caches. Sign-in creates the session before its success handler asks for the new token, so
 * the pages still get their cookie; clearing a token (token == null) is always passed on.
 */
final class SessionCsrfTokenRepository implements CsrfTokenRepository {

    private final CookieCsrfTokenRepository cookies = CookieCsrfTokenRepository.withHttpOnlyFalse();

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return cookies.generateToken(request);
    }

    @Override
    public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token != null && request.getSession(false) == null) return;
        cookies.saveToken(token, request, response);
    }

    @Override
    public @Nullable CsrfToken loadToken(HttpServletRequest request) {
        return cookies.loadToken(request);
    }
}
