package org.yizhan.locator.apikey;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The quota filter runs inside the security chain (after CORS), not a second time as a plain servlet filter. */
@Configuration(proxyBeanMethods = false)
class QuotaFilterRegistration {

    @Bean
    FilterRegistrationBean<QuotaFilter> quotaFilterOutsideSecurity(QuotaFilter filter) {
        FilterRegistrationBean<QuotaFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
