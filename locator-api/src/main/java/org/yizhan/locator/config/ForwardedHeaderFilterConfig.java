package org.yizhan.locator.config;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * With {@code server.forward-headers-strategy=framework}, Spring Boot registers the forwarded-header
 * filter for error dispatches too. A malformed {@code X-Forwarded-*} header then fails the
 * request and again its error dispatch, and the caller gets a 400 with no body. Registered here
 * without the error dispatch, the 400 reaches {@code /error} and becomes a problem detail.
 * Which proxies to believe is a separate question (see the configuration of that strategy).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "server.forward-headers-strategy", havingValue = "framework")
class ForwardedHeaderFilterConfig {

    @Bean
    FilterRegistrationBean<ForwardedHeaderFilter> forwardedHeaderFilter() {
        FilterRegistrationBean<ForwardedHeaderFilter> registration = new FilterRegistrationBean<>(new ForwardedHeaderFilter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
