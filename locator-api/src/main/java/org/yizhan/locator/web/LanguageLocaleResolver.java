package org.yizhan.locator.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Spring MVC's locale is the API's {@link Language} of the request, so that what Spring and the bean
 * validator put into words (a {@code @Size} message, say) comes in the caller's language too.
 */
@Component("localeResolver") // the bean name DispatcherServlet looks up
class LanguageLocaleResolver implements LocaleResolver {

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return Language.of(request).locale();
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        throw new UnsupportedOperationException("the language is the request's lang parameter or Accept-Language");
    }
}
