package org.yizhan.locator.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code yizhan.cors.*}: which web origins may call the public API from a browser.
 *
 * @param allowedOrigins origins (or patterns such as {@code https://*.example.org}) allowed to read;
 *                       {@code *} (the default) means any, since public reads carry no credentials
 * @param maxAge how long browsers may cache a preflight answer ({@code Access-Control-Max-Age})
 */
@ConfigurationProperties("yizhan.cors")
record CorsProperties(
        @DefaultValue("*") List<String> allowedOrigins,
        @DefaultValue("1h") Duration maxAge) {}
