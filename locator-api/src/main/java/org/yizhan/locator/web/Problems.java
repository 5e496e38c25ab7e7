package org.yizhan.locator.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds problem details in the caller's language, and responses that always carry
 * {@code application/problem+json} and say their language in {@code Content-Language}.
 */
public final class Problems {

    private Problems() {}

    /** A problem from the bundle: title {@code key.title}, detail {@code key.detail}, {@code code} the key. */
    public static ProblemDetail of(HttpStatus status, Language language, String key, Object... args) {
        return ProblemMessages.shared().problem(status, language, key, args);
    }

    /** The database is unreachable: 503 with Retry-After, never a 500 or a 401. */
    static ResponseEntity<ProblemDetail> unavailable(Language language) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseFaults.RETRY_AFTER_SECONDS))
                .body(unavailableProblem(language));
    }

    static ProblemDetail unavailableProblem(Language language) {
        return of(HttpStatus.SERVICE_UNAVAILABLE, language, "error.unavailable");
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem, Language language) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .body(problem);
    }

    static ResponseEntity<Object> objectResponse(ProblemDetail problem, Language language) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .body(problem);
    }

    static HttpHeaders headersWith(HttpHeaders original, Language language) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(original);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.set(HttpHeaders.CONTENT_LANGUAGE, language.tag());
        return headers;
    }
}
