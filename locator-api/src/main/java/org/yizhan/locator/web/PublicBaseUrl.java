package org.yizhan.locator.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;
import org.yizhan.locator.config.YizhanProperties;

/**
 * The address the public reaches the service at: {@code yizhan.public-base-url} when set, else
 * the request's own scheme, host and context path (which Tomcat takes from forwarded headers only
 * when they come from a configured proxy). One place for plaques' QR codes and paging links.
 */
@Component
public class PublicBaseUrl {

    private final String configured;

    @Autowired
    PublicBaseUrl(YizhanProperties properties) {
        this(properties.publicBaseUrl());
    }

    PublicBaseUrl(String configured) {
        this.configured = configured.trim().replaceAll("/+$", "");
    }

    /** The base, without a trailing slash, e.g. https://yizhan.example.org. */
    public String base() {
        return configured.isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : configured;
    }

    /** The current request's address under the public base, with query parameter {@code param} set to {@code value}. */
    public String currentWith(HttpServletRequest request, String param, String value) {
        UriComponents here = ServletUriComponentsBuilder.fromRequest(request)
                .replaceQueryParam(param, value)
                .build();
        if (configured.isEmpty()) return here.toUriString();
        String path = here.getPath() == null
                ? ""
                : here.getPath().substring(request.getContextPath().length());
        return configured + path + (here.getQuery() == null ? "" : "?" + here.getQuery());
    }
}
