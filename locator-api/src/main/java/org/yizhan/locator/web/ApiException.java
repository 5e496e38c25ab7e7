package org.yizhan.locator.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * An error meant for the caller: rendered once, by {@link ProblemDetailsAdvice}, as an RFC 9457
 * problem detail in the caller's language. It carries no text, only a message key of the bundle
 * {@code i18n/problems} (title at {@code key.title}, detail at {@code key.detail}) and the values
 * the message embeds; the key is also the problem's machine-readable {@code code}.
 * {@code properties} carry further machine-readable details (the offending parameter, the valid values).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String key;
    private final List<Object> args;
    private final @Nullable String field;
    private @Nullable String titleKey;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    private ApiException(HttpStatus status, String key, @Nullable String field, Object[] args) {
        super(key);
        this.status = status;
        this.key = key;
        this.field = field;
        this.args = List.of(args);
        if (field != null) properties.put("field", field);
    }

    /** A problem whose title and detail are {@code key.title} and {@code key.detail}, filled with {@code args}. */
    public static ApiException of(HttpStatus status, String key, Object... args) {
        return new ApiException(status, key, null, args);
    }

    /**
     * A request parameter or body field with a value the API cannot use: the title names the field
     * ({@code invalid.title}), the detail is {@code key.detail}.
     */
    public static ApiException invalid(String field, String key, Object... args) {
        return new ApiException(HttpStatus.BAD_REQUEST, key, field, args);
    }

    /**
     * An uploaded file that cannot be read: titled "The file cannot be read" ({@code
     * upload.file.unreadable.title}) rather than after the form field, since what is wrong is inside the
     * file; the detail is {@code key.detail}, a file reason of geo-data or the service's own.
     */
    public static ApiException unreadableFile(String key, Object... args) {
        ApiException e = new ApiException(HttpStatus.BAD_REQUEST, key, "file", args);
        e.titleKey = "upload.file.unreadable.title";
        return e;
    }

    public static ApiException notFound(String key, Object... args) {
        return new ApiException(HttpStatus.NOT_FOUND, key, null, args);
    }

    /** Adds a machine-readable property; a {@link ProblemText} value (or a list of them) is put into words too. */
    public ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** The detail in English, for logs and for tests of code that throws. */
    @Override
    public String getMessage() {
        return ProblemMessages.shared().text(Language.EN, key + ".detail", args);
    }

    public HttpStatus status() {
        return status;
    }

    /** The message key, also the problem's {@code code}. */
    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }

    /** The parameter the problem is about, when the title should name it. */
    public @Nullable String field() {
        return field;
    }

    /** The message key of the title (ending .title) when neither {@code key.title} nor the field's title fits, else null. */
    public @Nullable String titleKey() {
        return titleKey;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
