package org.yizhan.locator.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem detail straight to the servlet response, for code that runs outside Spring MVC
 * (filters, security), in the request's language like every other problem.
 */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /** Title {@code key.title} and detail {@code key.detail} of the bundle, with {@code args}. */
    public void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key, Object... args)
            throws IOException {
        Language language = Language.of(request);
        write(response, Problems.of(status, language, key, args), language);
    }

    /** 503 with Retry-After, for code outside Spring MVC that finds the database away (sign-in). */
    public void writeUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseFaults.RETRY_AFTER_SECONDS));
        Language language = Language.of(request);
        write(response, Problems.unavailableProblem(language), language);
    }

    private void write(HttpServletResponse response, ProblemDetail problem, Language language) throws IOException {
        HttpStatus status = HttpStatus.valueOf(problem.getStatus());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, language.tag());
        json.writeValue(response.getOutputStream(), problem);
    }
}
