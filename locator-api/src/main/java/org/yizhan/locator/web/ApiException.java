package org.yizhan.locator.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * An error meant for the caller: rendered once, by {@link ProblemDetailsAdvice}, as an RFC 9457
 * problem detail. The title is for people; {@code properties} carry machine-readable details
 * (the offending parameter, the valid values).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final String detail;
    private final Map<String, Object> properties;

    /** @param detail what went wrong with this request; a library's exception without a message gives the title again */
    public ApiException(HttpStatus status, String title, @Nullable String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.title = title;
        this.detail = detail == null ? title : detail;
        this.properties = Map.copyOf(properties);
    }

    public ApiException(HttpStatus status, String title, @Nullable String detail) {
        this(status, title, detail, Map.of());
    }

    /** A request parameter or body field with a value the API cannot use. */
    public static ApiException invalid(String field, String detail) {
        return new ApiException(
                HttpStatus.BAD_REQUEST, "Invalid value for '" + field + "'", detail, Map.of("field", field));
    }

    public static ApiException notFound(String title, String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, title, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
