package org.yizhan.locator.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PublicBaseUrlTest {

    @Test
    void aConfiguredBaseReplacesTheRequestsSchemeHostAndContextPath() {
        PublicBaseUrl url = new PublicBaseUrl("https://yizhan.example.org/");
        assertThat(url.base()).isEqualTo("https://yizhan.example.org");
        assertThat(url.currentWith(request(), "cursor", "abc"))
                .isEqualTo("https://yizhan.example.org/api/v1/stations?bbox=1,2,3,4&limit=1&cursor=abc");
    }

    @Test
    void withoutOneTheRequestsOwnAddressIsUsed() {
        PublicBaseUrl url = new PublicBaseUrl("");
        assertThat(url.currentWith(request(), "cursor", "abc"))
                .isEqualTo("http://internal:8080/app/api/v1/stations?bbox=1,2,3,4&limit=1&cursor=abc");
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app/api/v1/stations");
        request.setContextPath("/app");
        request.setServerName("internal");
        request.setServerPort(8080);
        request.setQueryString("bbox=1,2,3,4&limit=1&cursor=old");
        return request;
    }
}
