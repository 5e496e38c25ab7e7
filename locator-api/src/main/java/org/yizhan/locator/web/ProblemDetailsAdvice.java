package org.yizhan.locator.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * The one place where exceptions become RFC 9457 problem details. Titles say what went wrong
 * in words a caller can act on; nothing internal (class names, stack traces) leaves the server.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private final ErrorLog errors;

    ProblemDetailsAdvice(ErrorLog errors) {
        this.errors = errors;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handleApi(ApiException e) {
        ProblemDetail problem = Problems.of(e.status(), e.title(), e.detail());
        e.properties().forEach(problem::setProperty);
        return Problems.response(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> handleStaleVersion(OptimisticLockingFailureException e) {
        return Problems.response(Problems.of(
                HttpStatus.CONFLICT,
                "The station was changed by someone else",
                "Your copy of this station is out of date. Reload it, re-apply your change and save again."));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException e) {
        return Problems.response(Problems.of(
                HttpStatus.FORBIDDEN,
                "Not allowed",
                "Your account may not do this. Ask your union's administrator if you need access."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a different value" : describe(e.getRequiredType());
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "Invalid value for '" + e.getName() + "'",
                "'" + e.getName() + "' must be " + expected + ", got '" + e.getValue() + "'.");
        problem.setProperty("field", e.getName());
        return Problems.response(problem);
    }

    /** Tomcat's lazy parameter parsing, reached through a multipart request (other requests are parsed up front). */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> handleUndecodableParameters(org.apache.tomcat.util.http.InvalidParameterException e) {
        return Problems.response(
                Problems.of(HttpStatus.BAD_REQUEST, "Malformed query string", MalformedRequestFilter.describe(e)));
    }

    /** Spring Security's firewall checks header values lazily, when a handler reads one. */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> handleRejectedRequest(
            org.springframework.security.web.firewall.RequestRejectedException e) {
        return Problems.response(Problems.of(
                HttpStatus.BAD_REQUEST,
                "Request refused",
                "A header or the URL contains characters that are not allowed (control characters or undecoded bytes). "
                        + "Send header values as printable ASCII."));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> handleBrokenMultipart(MultipartException e) {
        return Problems.response(Problems.of(
                HttpStatus.BAD_REQUEST,
                "The uploaded form could not be read",
                "Send the file as multipart/form-data with a boundary, in a part named 'file', and the whole body."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        if (DatabaseFaults.isUnavailable(e)) {
            errors.unavailable(e);
            return Problems.unavailable();
        }
        errors.unexpected(e);
        return Problems.response(Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side",
                "The request could not be completed. Please try again later."));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "Missing parameter '" + e.getParameterName() + "'",
                "The query parameter '" + e.getParameterName() + "' is required.");
        problem.setProperty("field", e.getParameterName());
        return Problems.objectResponse(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedByOversizedBody(e)) {
            return Problems.objectResponse(Problems.of(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Request body too large",
                    "The request body is larger than this API accepts."));
        }
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "The request body could not be read",
                "The request body must be a JSON object matching the API schema.");
        if (e.getCause() instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            String field = JsonPaths.describe(bind.getPath());
            problem.setTitle("Invalid value for '" + field + "'");
            problem.setDetail("'" + field + "' has a value of the wrong type or format.");
            problem.setProperty("field", field);
        } else if (e.getCause() instanceof JacksonException json && json.getLocation() != null) {
            problem.setTitle("The request body is not valid JSON");
            problem.setDetail("Malformed JSON at line " + json.getLocation().getLineNr() + ", column "
                    + json.getLocation().getColumnNr() + ".");
        }
        return Problems.objectResponse(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::describe)
                .reduce((a, b) -> a + "; " + b)
                .orElse("The request body is not valid.");
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Some fields are not valid", detail);
        problem.setProperty("errors", errors);
        return Problems.objectResponse(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleAsyncRequestTimeoutException(
            AsyncRequestTimeoutException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The server is too busy to finish this",
                "Producing the file took longer than the server allows. Try again in a while, or ask for less (one region).");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, "30")
                .body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return Problems.objectResponse(Problems.of(
                HttpStatus.CONTENT_TOO_LARGE,
                "File too large",
                "The uploaded file is larger than the server accepts; split the register into several files."));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return Problems.objectResponse(
                Problems.of(HttpStatus.NOT_FOUND, "Not found", "There is nothing at /" + e.getResourcePath() + "."));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(
                HttpStatus.METHOD_NOT_ALLOWED,
                "Method not allowed",
                e.getMethod() + " is not supported here; use " + supported(e) + ".");
        return new ResponseEntity<>(problem, Problems.headersWith(headers), HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return Problems.objectResponse(Problems.of(
                HttpStatus.NOT_ACCEPTABLE,
                "Not acceptable",
                "This resource is available as " + e.getSupportedMediaTypes() + "."));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Spring's own problem bodies for the remaining MVC exceptions: keep them, but as problem+json.
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response == null || !(response.getBody() instanceof ProblemDetail problem)) {
            return Problems.objectResponse(Problems.of(
                    HttpStatus.valueOf(status.value()),
                    HttpStatus.valueOf(status.value()).getReasonPhrase(),
                    "The request could not be processed."));
        }
        return new ResponseEntity<>(problem, Problems.headersWith(response.getHeaders()), response.getStatusCode());
    }

    private static String supported(HttpRequestMethodNotSupportedException e) {
        return e.getSupportedHttpMethods() == null
                ? "another method"
                : String.join(
                        ", ",
                        e.getSupportedHttpMethods().stream()
                                .map(Object::toString)
                                .toList());
    }

    private static boolean causedByOversizedBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.BodyTooLargeException) return true;
        }
        return false;
    }

    private static String describe(FieldError error) {
        return error.getField() + ": " + error.getDefaultMessage();
    }

    private static String describe(Class<?> type) {
        if (type == double.class || type == Double.class) return "a number";
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class)
            return "a whole number";
        if (type == boolean.class || type == Boolean.class) return "true or false";
        return "a valid " + type.getSimpleName();
    }
}
