package org.yizhan.locator.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat rejects some requests (a URL with a broken percent-escape, say) before any servlet
 * runs and would answer with its HTML error page. This valve answers them as problem details
 * instead, like every other error of the API.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        HttpStatus httpStatus = HttpStatus.resolve(status);
        String reason = httpStatus == null ? "Error" : httpStatus.getReasonPhrase();
        String detail = status >= 500 ? "The request could not be completed. Please try again later."
                : "The request could not be processed: " + reason + ". Check the URL and its encoding.";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer == null) return;
            writer.write("{\"type\":\"about:blank\",\"title\":\"" + reason + "\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\"}");
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is committed: nothing more can be said.
        }
    }
}
