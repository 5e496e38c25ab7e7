package org.yizhan.locator.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session as soon as its account changes. A session keeps the principal it signed in
 * with, so a disabled account, or one whose role or regions were narrowed, would otherwise keep
 * its old rights until the session timed out. On every request that rides on a session, the
 * account's current session epoch and enabled flag are read (one primary-key lookup); if they no
 * longer match, the session is invalidated and the request goes on unauthenticated (401 where an
 * account is needed, public fields elsewhere). HTTP Basic requests load the account afresh anyway.
 */
public class SessionEpochFilter extends OncePerRequestFilter {

    private final JdbcClient jdbc;

    public SessionEpochFilter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                && !current(user)) {
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    private boolean current(SignedInUser user) {
        return jdbc.sql("SELECT 1 FROM account WHERE username = :u AND enabled AND session_epoch = :e")
                .param("u", user.username()).param("e", user.sessionEpoch())
                .query(Integer.class).optional().isPresent();
    }
}
