package org.yizhan.locator.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.yizhan.locator.account.LoginThrottle;
import org.yizhan.locator.account.LoginThrottleFilter;
import org.yizhan.locator.account.SessionEpochFilter;
import org.yizhan.locator.account.SignedInUser;
import org.yizhan.locator.apikey.QuotaFilter;
import org.yizhan.locator.web.DatabaseFaults;
import org.yizhan.locator.web.ProblemWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Public reads need nothing. Writes need an account; which stations it may change is decided
 * by the service from the account's regions. Browsers sign in with a session cookie (POST
 * /login) and send the CSRF token back from the XSRF-TOKEN cookie; scripts use HTTP Basic on
 * each request, which cannot be forged cross-site, so they need no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    private static final RequestMatcher BASIC_AUTH = request -> {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    };

    /** Anonymous worker feedback: open to anyone, and it carries no account's authority, so no CSRF token. */
    static final String[] PUBLIC_FEEDBACK = {
        "/api/v1/stations/*/ratings", "/api/v1/stations/*/reports", "/api/v1/stations/*/checkins"
    };

    /** Along-route search is a public read sent as POST (a route does not fit a URL): no account, no CSRF token. */
    static final String ALONG_ROUTE = "/api/v1/stations/along-route";

    private static final RequestMatcher NO_SESSION = request -> request.getRequestedSessionId() == null;

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            ProblemWriter problems,
            LoginThrottle throttle,
            JsonMapper json,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            QuotaFilter quota)
            throws Exception {
        SessionCsrfTokenRepository csrfTokens = new SessionCsrfTokenRepository();
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/api/v1/me",
                                "/api/v1/accounts/**",
                                "/api/v1/stations/*/history",
                                "/api/v1/register/export",
                                "/api/v1/register/search",
                                "/api/v1/plaques",
                                "/api/v1/plaques/**",
                                "/api/v1/planning/**",
                                "/api/v1/feedback/**",
                                "/api/v1/api-keys/**")
                        .authenticated()
                        .requestMatchers(HttpMethod.POST, PUBLIC_FEEDBACK)
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, ALONG_ROUTE)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**")
                        .permitAll()
                        .requestMatchers("/error", "/login")
                        .permitAll()
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        (request, response, e) -> signInFailed(problems, request, response, e)))
                .formLogin(form -> form.loginProcessingUrl("/login")
                        .successHandler((request, response, authentication) -> {
                            SignedInUser user = (SignedInUser) java.util.Objects.requireNonNull(
                                    authentication.getPrincipal(), "a signed-in session has a principal");
                            // A fresh CSRF token for the new session, as a cookie, for the page's next write.
                            request.getSession();
                            csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
                            response.setStatus(HttpStatus.OK.value());
                            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                            json.writeValue(
                                    response.getOutputStream(),
                                    java.util.Map.of(
                                            "username",
                                            user.username(),
                                            "role",
                                            user.actor().role().value(),
                                            "regions",
                                            user.actor().regions()));
                        })
                        .failureHandler((request, response, e) -> {
                            if (e
                                            instanceof
                                            org.springframework.security.authentication
                                                    .InternalAuthenticationServiceException
                                    || DatabaseFaults.isUnavailable(e)) problems.writeUnavailable(request, response);
                            else problems.write(request, response, HttpStatus.UNAUTHORIZED, "signIn.wrongPassword");
                        }))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessHandler((request, response, authentication) ->
                                response.setStatus(HttpStatus.NO_CONTENT.value())))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(
                                (request, response, e) -> signInFailed(problems, request, response, e))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "access.denied")))
                // CSRF guards cookie sessions only: a request with no session cannot ride on one.
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new DeferredSpaCsrfTokenRequestHandler())
                        .csrfTokenRepository(csrfTokens)
                        .ignoringRequestMatchers(
                                BASIC_AUTH,
                                NO_SESSION,
                                request -> "/login".equals(path(request)),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PUBLIC_FEEDBACK[0]),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PUBLIC_FEEDBACK[1]),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PUBLIC_FEEDBACK[2]),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, ALONG_ROUTE)))
                // Issue 12: every API request is counted against its key's or address's quota, after CORS
                // (so another origin's app can read a 429) and before sign-in.
                .addFilterAfter(quota, org.springframework.web.filter.CorsFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                // Issue 11: a session ends as soon as its account is disabled or its rights change.
                .addFilterAfter(new SessionEpochFilter(jdbc, problems), BasicAuthenticationFilter.class)
                .headers(headers -> headers.referrerPolicy(r ->
                                r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        // CSP and framing differ per page: see FramingHeaders.
                        .frameOptions(frame -> frame.disable())
                        .addHeaderWriter(new FramingHeaders()))
                .cors(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt} today; the delegating format lets stored hashes move to a stronger algorithm later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The account lookup failing (the database is away or shutting down) is a 503, not a wrong
     * password: Spring Security reports any failure of the lookup itself as an internal error.
     */
    private static void signInFailed(
            ProblemWriter problems,
            jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e)
            throws java.io.IOException {
        if (e instanceof org.springframework.security.authentication.InternalAuthenticationServiceException
                || DatabaseFaults.isUnavailable(e)) {
            problems.writeUnavailable(request, response);
            return;
        }
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "signIn.required");
    }

    /**
     * CSRF tokens are loaded lazily; touch it on every request that belongs to a session so the
     * XSRF-TOKEN cookie is there for the workspace's scripts to send back. Requests without a
     * session need no token (CSRF only guards cookie sessions), so anonymous answers carry no
     * cookie and stay cacheable. The pages sign in and then ask /api/v1/me, which has a session.
     */
    private static final class CsrfCookieFilter extends org.springframework.web.filter.OncePerRequestFilter {
        @Override
        protected void doFilterInternal(
                HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response,
                jakarta.servlet.FilterChain chain)
                throws jakarta.servlet.ServletException, java.io.IOException {
            Object token = request.getAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName());
            if (request.getRequestedSessionId() != null
                    && token instanceof org.springframework.security.web.csrf.CsrfToken csrf) csrf.getToken();
            chain.doFilter(request, response);
        }
    }

    /**
     * What {@code csrf.spa()} installs (the header's raw token, or the XOR-masked one of a form),
     * except that the token stays deferred: the SPA handler resolves it on every request, a random
     * UUID and 32 SecureRandom bytes per request, which a sessionless read never uses (it is
     * exempt, and answers set no cookie). {@link CsrfCookieFilter} resolves it where there is a
     * session, so the pages still get their XSRF-TOKEN cookie.
     */
    static final class DeferredSpaCsrfTokenRequestHandler
            implements org.springframework.security.web.csrf.CsrfTokenRequestHandler {
        private final org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler plain =
                new org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler();
        private final org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler xor =
                new org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(
                HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response,
                java.util.function.Supplier<org.springframework.security.web.csrf.CsrfToken> token) {
            xor.handle(request, response, token);
        }

        @Override
        public @org.jspecify.annotations.Nullable String resolveCsrfTokenValue(
                HttpServletRequest request, org.springframework.security.web.csrf.CsrfToken token) {
            String header = request.getHeader(token.getHeaderName());
            return (org.springframework.util.StringUtils.hasText(header) ? plain : xor)
                    .resolveCsrfTokenValue(request, token);
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getServletPath();
    }
}
