package org.yizhan.locator.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one message bundle of the API's problem details, {@code i18n/problems(_zh).properties}: turns a
 * key and its values into a title and a detail in the caller's {@link Language}. The pages show
 * these texts as they come, so there is no second translation of a server message anywhere.
 *
 * <p>Every message is a {@link java.text.MessageFormat} pattern, also those without arguments (so an
 * apostrophe is always written {@code ''}); values are inserted as plain text (a number such as an id or
 * a row number is not grouped by thousands), {@link ProblemText} values in the same language.
 * Shared by the Spring beans and by Tomcat's error valve, which runs outside the application context.
 */
public final class ProblemMessages {

    public static final String BUNDLE = "i18n/problems";
    /** The title of {@link ApiException#invalid}: names the field. */
    static final String INVALID_TITLE = "invalid.title";

    private static final ProblemMessages SHARED = new ProblemMessages();

    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

    private ProblemMessages() {
        source.setBasename(BUNDLE);
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // English is the base bundle: a JVM whose default locale is Chinese must not answer "en" in Chinese.
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
    }

    public static ProblemMessages shared() {
        return SHARED;
    }

    /** The bundle as Spring's MessageSource: the bean validator's {@code {validation.…}} messages come from it too. */
    MessageSource source() {
        return source;
    }

    /** The text of {@code key} in {@code language}, with {@code args} inserted. */
    public String text(Language language, String key, List<?> args) {
        Object[] values = args.stream()
                .map(a -> a instanceof Number number
                        ? String.valueOf(number)
                        : a instanceof List<?> list
                                ? String.join(
                                        "; ",
                                        list.stream()
                                                .map(v -> String.valueOf(property(language, v)))
                                                .toList())
                                : property(language, a))
                .toArray();
        try {
            return source.getMessage(key, values, language.locale());
        } catch (NoSuchMessageException missing) {
            // BundleKeysTest keeps this from happening; should it still, the caller sees words, not a key.
            return source.getMessage("error.unexpected.detail", new Object[0], language.locale());
        }
    }

    public String text(Language language, ProblemText text) {
        return text(language, text.key(), text.args());
    }

    /** The key of an HTTP status's generic problem: {@code http.404}, or {@code http.4xx} / {@code http.5xx}. */
    public String statusKey(int status) {
        String specific = "http." + status;
        if (source.getMessage(specific + ".title", null, null, java.util.Locale.ROOT) != null) return specific;
        return status >= 500 ? "http.5xx" : "http.4xx";
    }

    /** A problem whose title is {@code key.title} and detail {@code key.detail} (both filled with {@code args}); its {@code code} is the key. */
    public ProblemDetail problem(HttpStatus status, Language language, String key, Object... args) {
        return build(status, language, key, text(language, key + ".title", List.of(args)), List.of(args));
    }

    public ProblemDetail problem(ApiException e, Language language) {
        String titleKey = e.titleKey();
        String title = titleKey != null
                ? text(language, titleKey, e.args())
                : e.field() == null
                        ? text(language, e.key() + ".title", e.args())
                        : text(language, INVALID_TITLE, List.of(e.field()));
        ProblemDetail problem = build(e.status(), language, e.key(), title, e.args());
        e.properties().forEach((name, value) -> problem.setProperty(name, property(language, value)));
        return problem;
    }

    private ProblemDetail build(HttpStatus status, Language language, String key, String title, List<?> args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(language, key + ".detail", args));
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        problem.setProperty("code", key);
        return problem;
    }

    /** A value with its {@link ProblemText}s (also inside lists and maps) in the language. */
    private Object property(Language language, Object value) {
        if (value instanceof ProblemText text) return text(language, text);
        if (value instanceof List<?> list)
            return list.stream().map(v -> property(language, v)).toList();
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, property(language, v)));
            return out;
        }
        return value;
    }
}
