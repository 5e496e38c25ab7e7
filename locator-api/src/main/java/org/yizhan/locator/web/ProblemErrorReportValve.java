package org.yizhan.locator.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

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
        ProblemMessages messages = ProblemMessages.shared();
        String key;
        List<Object> args = List.of();
        if (status == 501) {
            // Tomcat says 501 for what it does not implement: the client asked for it, so it is a client error.
            boolean method = "CONNECT".equalsIgnoreCase(request.getMethod()) || !isToken(request.getMethod());
            status = method ? 405 : 400;
            key = method ? "method.unsupported" : "request.transferEncoding";
            if (method) args = List.of(safe(request.getMethod()));
            response.setStatus(status);
        } else {
            key = messages.statusKey(status);
        }
        Language language;
        try {
            language = Language.of(request);
        } catch (RuntimeException unparsable) {
            // What Tomcat could not parse may not even have readable headers: the default language.
            language = Language.ZH;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Content-Language", language.tag());
            Writer writer = response.getReporter();
            if (writer == null) return;
            writer.write("{\"type\":\"about:blank\",\"title\":\""
                    + json(messages.text(language, key + ".title", args)) + "\",\"status\":" + status
                    + ",\"detail\":\"" + json(messages.text(language, key + ".detail", args)) + "\",\"code\":\""
                    + key + "\"}");
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is committed: nothing more can be said.
        }
    }

    private static boolean isToken(String method) {
        return method != null
                && method.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0);
    }

    /** The bundle's own text in a JSON string: quotes and backslashes escaped (it has no control characters). */
    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** A method name fit for a JSON string: printable ASCII without quotes or backslashes, at most 20 characters. */
    private static String safe(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray())
            if (c > 32 && c < 127 && c != '"' && c != '\\' && out.length() < 20) out.append(c);
        return out.toString();
    }
}
