package org.yizhan.locator.web;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The problem bundle is the application's MessageSource, so Spring Boot's bean validator resolves
 * the forms' {@code {validation.…}} messages from it, in the request's language
 * ({@link LanguageLocaleResolver}); Hibernate Validator's own messages come in Chinese or English from its jar.
 */
@Configuration(proxyBeanMethods = false)
class ProblemMessagesConfig {

    @Bean
    MessageSource messageSource() {
        return ProblemMessages.shared().source();
    }
}
