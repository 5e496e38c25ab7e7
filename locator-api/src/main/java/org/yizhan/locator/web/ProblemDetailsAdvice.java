package org.yizhan.locator.web;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
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
 * The one place where exceptions become RFC 9457 problem details, in the caller's language
 * ({@link Language#of}) from the bundle of {@link ProblemMessages}. Titles say what went wrong
 * in words a caller can act on; nothing internal (class names, stack traces) leaves the server.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private final ErrorLog errors;

    ProblemDetailsAdvice(ErrorLog errors) {
        this.errors = errors;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handleApi(ApiException e, HttpServletRequest request) {
        Language language = Language.of(request);
        return Problems.response(ProblemMessages.shared().problem(e, language), language);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> handleStaleVersion(OptimisticLockingFailureException e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONFLICT, "station.stale");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.FORBIDDEN, "access.denied");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(
            MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        ProblemText expected =
                e.getRequiredType() == null ? new ProblemText("type.other") : describe(e.getRequiredType());
        return handleApi(
                ApiException.invalid(
                        e.getName(), "request.parameter.type", e.getName(), expected, String.valueOf(e.getValue())),
                request);
    }

    /** Tomcat's lazy parameter parsing, reached through a multipart request (other requests are parsed up front). */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> handleUndecodableParameters(
            org.apache.tomcat.util.http.InvalidParameterException e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, MalformedRequestFilter.describe(e));
    }

    /** Spring Security's firewall checks header values lazily, when a handler reads one. */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> handleRejectedRequest(
            org.springframework.security.web.firewall.RequestRejectedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, "request.rejected");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> handleBrokenMultipart(MultipartException e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, "upload.unreadable");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e, HttpServletRequest request) {
        if (DatabaseFaults.isUnavailable(e)) {
            errors.unavailable(e);
            return Problems.unavailable(Language.of(request));
        }
        errors.unexpected(e);
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Language language = language(request);
        ProblemDetail problem =
                Problems.of(HttpStatus.BAD_REQUEST, language, "request.parameter.missing", e.getParameterName());
        problem.setProperty("field", e.getParameterName());
        return Problems.objectResponse(problem, language);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Language language = language(request);
        if (causedByOversizedBody(e)) {
            return Problems.objectResponse(
                    Problems.of(HttpStatus.CONTENT_TOO_LARGE, language, "request.body.tooLarge"), language);
        }
        ProblemDetail problem;
        if (e.getCause() instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            String field = JsonPaths.describe(bind.getPath());
            problem = ProblemMessages.shared()
                    .problem(ApiException.invalid(field, "request.body.wrongType", field), language);
        } else if (e.getCause() instanceof JacksonException json && json.getLocation() != null) {
            problem = Problems.of(
                    HttpStatus.BAD_REQUEST,
                    language,
                    "request.body.notJson",
                    json.getLocation().getLineNr(),
                    json.getLocation().getColumnNr());
        } else {
            problem = Problems.of(HttpStatus.BAD_REQUEST, language, "request.body.unreadable");
        }
        return Problems.objectResponse(problem, language);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Language language = language(request);
        // The validator has put the messages into the request's language (LanguageLocaleResolver).
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail problem = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::describe)
                .reduce((a, b) -> a + "; " + b)
                .map(detail -> Problems.of(HttpStatus.BAD_REQUEST, language, "request.fields.invalid", detail))
                .orElseGet(() -> Problems.of(HttpStatus.BAD_REQUEST, language, "request.body.invalid"));
        problem.setProperty("errors", errors);
        return Problems.objectResponse(problem, language);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleAsyncRequestTimeoutException(
            AsyncRequestTimeoutException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Language language = language(request);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .header(HttpHeaders.RETRY_AFTER, "30")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, language, "error.busy"));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Language language = language(request);
        return Problems.objectResponse(
                Problems.of(HttpStatus.CONTENT_TOO_LARGE, language, "upload.tooLarge"), language);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Language language = language(request);
        return Problems.objectResponse(
                Problems.of(HttpStatus.NOT_FOUND, language, "path.notFound", e.getResourcePath()), language);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Language language = language(request);
        ProblemDetail problem =
                Problems.of(HttpStatus.METHOD_NOT_ALLOWED, language, "method.notAllowed", e.getMethod(), supported(e));
        return new ResponseEntity<>(problem, Problems.headersWith(headers, language), HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Language language = language(request);
        return Problems.objectResponse(
                Problems.of(
                        HttpStatus.NOT_ACCEPTABLE,
                        language,
                        "media.notAcceptable",
                        String.valueOf(e.getSupportedMediaTypes())),
                language);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Language language = language(request);
        ProblemDetail problem = Problems.of(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                language,
                "media.unsupported",
                String.valueOf(e.getContentType()),
                String.valueOf(e.getSupportedMediaTypes()));
        return new ResponseEntity<>(
                problem, Problems.headersWith(headers, language), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The remaining MVC exceptions: Spring's own bodies are English only; answer with the status's
        // problem in the caller's language, keeping Spring's headers (Allow, Accept and the like).
        Language language = language(request);
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        HttpHeaders original = response == null ? headers : response.getHeaders();
        ProblemDetail problem = Problems.of(
                HttpStatus.valueOf(status.value()),
                language,
                ProblemMessages.shared().statusKey(status.value()));
        return new ResponseEntity<>(problem, Problems.headersWith(original, language), status);
    }

    private static ResponseEntity<ProblemDetail> respond(HttpServletRequest request, HttpStatus status, String key) {
        Language language = Language.of(request);
        return Problems.response(Problems.of(status, language, key), language);
    }

    private static Language language(WebRequest request) {
        HttpServletRequest servlet = request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class)
                : null;
        return servlet == null ? Language.ZH : Language.of(servlet);
    }

    private static String supported(HttpRequestMethodNotSupportedException e) {
        return e.getSupportedHttpMethods() == null
                ? "-"
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

    private static ProblemText describe(Class<?> type) {
        if (type == double.class || type == Double.class) return new ProblemText("type.number");
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class)
            return new ProblemText("type.wholeNumber");
        if (type == boolean.class || type == Boolean.class) return new ProblemText("type.boolean");
        return new ProblemText("type.valid", type.getSimpleName());
    }
}
