package org.yizhan.locator.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;
import org.yizhan.locator.support.ApiIT;

/**
 * With Spring Security's observations off in application.yaml, its filters run unwrapped: no
 * observing decorator around each of them ({@link SecurityObservations}).
 */
class SecurityObservationsIT extends ApiIT {

    @Autowired
    FilterChainProxy filterChainProxy;

    @Test
    void theFilterChainRunsWithoutObservingDecorators() {
        // FilterChainProxy has no getter for its decorator; the field is what runs each request.
        Object decorator = ReflectionTestUtils.getField(filterChainProxy, "filterChainDecorator");
        assertThat(decorator).isNotNull().isNotInstanceOf(ObservationFilterChainDecorator.class);
    }
}
