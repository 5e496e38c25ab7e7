package org.yizhan.locator.security;

import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.yizhan.locator.web.Language;
import org.yizhan.locator.web.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cross-origin access for other people's web apps. Public reads are open to the configured
 * origins (any by default), never with credentials: a browser on another origin sends no
 * session cookie or Basic credentials along, so it can only ever read what an anonymous caller
 * reads. The only writes opened are the anonymous worker-feedback posts, which carry no
 * account's authority (they are CSRF-exempt for the same reason) and are throttled per device
 * and address; every other write has no CORS configuration, so browsers refuse it cross-origin.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig {

    private static final List<String> REQUEST_HEADERS = List.of(
            "Accept",
            "Accept-Language",
            "Content-Type",
            "If-None-Match",
            "If-Modified-Since",
            "X-API-Key",
            "X-Device-Id");
    /** Headers a cross-origin script may read beyond the CORS-safelisted ones. */
    private static final List<String> EXPOSED_HEADERS = List.of(
            "ETag",
            "Last-Modified",
            "Link",
            "Location",
            "RateLimit",
            "RateLimit-Policy",
            "Retry-After",
            "Content-Disposition");

    /** Spring Security uses a bean of this name as its CORS filter; ours refuses with a problem detail. */
    @Bean
    CorsFilter corsFilter(CorsProperties properties, JsonMapper json) {
        CorsFilter filter = new CorsFilter(source(properties));
        filter.setCorsProcessor(new DefaultCorsProcessor() {
            /** rejectRequest sees only the response: the request's language waits here for it. */
            private final ThreadLocal<Language> language = ThreadLocal.withInitial(() -> Language.ZH);

            @Override
            public boolean processRequest(
                    @Nullable CorsConfiguration config,
                    jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response)
                    throws IOException {
                language.set(Language.of(request));
                try {
                    return super.processRequest(config, request, response);
                } finally {
                    language.remove();
                }
            }

            @Override
            protected void rejectRequest(ServerHttpResponse response) throws IOException {
                response.setStatusCode(HttpStatus.FORBIDDEN);
                response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
                response.getHeaders()
                        .set(HttpHeaders.CONTENT_LANGUAGE, language.get().tag());
                response.getBody()
                        .write(json.writeValueAsBytes(
                                Problems.of(HttpStatus.FORBIDDEN, language.get(), "cors.refused")));
                response.flush();
            }
        });
        return filter;
    }

    /** Runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilterOutsideSecurity(CorsFilter filter) {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    private static CorsConfigurationSource source(CorsProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        // First match wins: the feedback posts before the read-only rest of the API.
        CorsConfiguration feedback = base(properties);
        feedback.setAllowedMethods(List.of("POST"));
        for (String path : SecurityConfig.PUBLIC_FEEDBACK) source.registerCorsConfiguration(path, feedback);
        // Along-route search is a read that needs a body.
        source.registerCorsConfiguration(SecurityConfig.ALONG_ROUTE, feedback);
        CorsConfiguration reads = base(properties);
        reads.setAllowedMethods(List.of("GET", "HEAD"));
        source.registerCorsConfiguration("/api/v1/**", reads);
        source.registerCorsConfiguration("/v3/api-docs/**", reads);
        return source;
    }

    private static CorsConfiguration base(CorsProperties properties) {
        CorsConfiguration config = new CorsConfiguration();
        // A literal "*" answers every origin alike, so shared caches need not Vary on Origin.
        if (properties.allowedOrigins().equals(List.of("*"))) config.setAllowedOrigins(List.of("*"));
        else config.setAllowedOriginPatterns(properties.allowedOrigins());
        config.setAllowCredentials(false);
        config.setAllowedHeaders(REQUEST_HEADERS);
        config.setExposedHeaders(EXPOSED_HEADERS);
        config.setMaxAge(properties.maxAge());
        return config;
    }
}
