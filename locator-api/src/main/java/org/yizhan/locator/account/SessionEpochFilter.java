package org.yizhan.locator.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yizhan.locator.web.ProblemWriter;

/**
 * Ends a session as soon as its account changes. A session keeps the principal it signed in
 * with, so a disabled account, or one whose role or regions were narrowed, would otherwise keep
 * its old rights until the session timed out. On every request that rides on a session, the
 * account's current session epoch and enabled flag are read (one primary-key lookup); if they no
 * longer match, the session is invalidated and the request goes on unauthenticated (401 where an
 * account is needed, public fields elsewhere). HTTP Basic requests load the account afresh anyway.
 * Without the database the check cannot be made, and the request gets 503 with Retry-After.
 */
public class SessionEpochFilter extends OncePerRequestFilter {

    private final JdbcClient jdbc;
    private final ProblemWriter problems;

    public SessionEpochFilter(JdbcClient jdbc, ProblemWriter problems) {
        this.jdbc = jdbc;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            boolean current;
            try {
                current = current(user);
            } catch (DataAccessException e) {
                // Without the database the session cannot be checked: refuse for now rather than trust it.
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "account.database.unavailable");
                return;
            }
            if (!current) {
                session.invalidate();
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }

    private boolean current(SignedInUser user) {
        return jdbc.sql("SELECT 1 FROM account WHERE username = :u AND enabled AND session_epoch = :e")
                .param("u", user.username())
                .param("e", user.sessionEpoch())
                .query(Integer.class)
                .optional()
                .isPresent();
    }
}
