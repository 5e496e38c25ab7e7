package org.yizhan.locator.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem detail straight to the servlet response, for code that runs outside Spring MVC (filters, security). */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        write(response, Problems.of(status, title, detail));
    }

    /** 503 with Retry-After, for code outside Spring MVC that finds the database away (sign-in). */
    public void writeUnavailable(HttpServletResponse response) throws IOException {
        response.setHeader(
                org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseFaults.RETRY_AFTER_SECONDS));
        write(response, Problems.unavailableProblem());
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        HttpStatus status = HttpStatus.valueOf(problem.getStatus());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
