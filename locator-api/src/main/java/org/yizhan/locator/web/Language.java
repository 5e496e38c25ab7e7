package org.yizhan.locator.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/** The two languages the API answers in. Chinese unless the caller prefers English. */
public enum Language {
    ZH,
    EN;

    /** For Java's and Spring's message lookups (Hibernate Validator has zh_CN messages). */
    public Locale locale() {
        return this == EN ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** The BCP 47 tag of a Content-Language header. */
    public String tag() {
        return this == EN ? "en" : "zh-CN";
    }

    /**
     * The language of a request by {@link #resolve}: its {@code lang} query parameter, else its
     * Accept-Language. The parameter is read from the raw query string, not through
     * {@code getParameter}: a request refused for a malformed query string is answered in its language too.
     */
    public static Language of(HttpServletRequest request) {
        return resolve(rawParameter(request.getQueryString(), "lang"), request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static @Nullable String rawParameter(@Nullable String query, String name) {
        if (query == null) return null;
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) return pair.substring(name.length() + 1);
        }
        return null;
    }

    /**
     * Picks the language from an explicit {@code lang} parameter, else from the first language
     * range of {@code Accept-Language} that we speak.
     */
    public static Language resolve(@Nullable String langParameter, @Nullable String acceptLanguage) {
        if (langParameter != null && !langParameter.isBlank()) {
            return langParameter.trim().toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH;
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) return ZH;
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("zh")) return ZH;
                if (tag.startsWith("en")) return EN;
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException malformedHeader) {
            // A broken header is no reason to fail a lookup: fall back to the default. The JDK's parser
            // throws IndexOutOfBounds rather than IllegalArgument for some, such as "-".
        }
        return ZH;
    }
}
