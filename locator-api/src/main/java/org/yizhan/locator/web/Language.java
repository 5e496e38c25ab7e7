package org.yizhan.locator.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The two languages the API answers in. Chinese unless the caller prefers English. */
public enum Language {
    ZH,
    EN;

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
