package ticketflow.api;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of /api as application/problem+json, naming the offending fields. */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> handle(ApiException e) {
    if (e.field() != null) {
      return invalid(List.of(fieldError(e.field(), e.fieldMessage())));
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    problem.setTitle(e.title());
    return ResponseEntity.status(e.status()).body(problem);
  }

  /** Spring Security's firewall also vets headers when a controller reads them (e.g. bytes it does not allow). */
  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<ProblemDetail> handle(RequestRejectedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not acceptable: " + e.getMessage());
    problem.setTitle("Invalid request");
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> handle(MethodArgumentTypeMismatchException e) {
    String allowed = allowedValues(e.getRequiredType());
    return invalid(List.of(fieldError(e.getName(), "must be " + (allowed != null ? "one of " + allowed : "a valid " + simpleName(e.getRequiredType())))));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> handle(ConstraintViolationException e) {
    return invalid(e.getConstraintViolations().stream()
        .map(v -> fieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList());
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> fieldError(f.getField(), message(f))).toList();
    return ResponseEntity.badRequest().body(body(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors = e.getParameterValidationResults().stream()
        .flatMap(r -> r.getResolvableErrors().stream().map(err -> fieldError(
            r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
        .toList();
    return ResponseEntity.badRequest().body(body(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    if (BodyTooLarge.isCause(e)) {
      ProblemDetail tooLarge = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMostSpecificCause().getMessage());
      tooLarge.setTitle("Payload Too Large");
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge);
    }
    Throwable cause = e.getMostSpecificCause();
    Map<String, String> error;
    if (cause instanceof UnrecognizedPropertyException u) {
      error = fieldError(path(u), "is not a known field");
    } else if (cause instanceof InvalidFormatException f && TextDeserializer.MESSAGE.equals(f.getOriginalMessage())) {
      error = fieldError(path(f), TextDeserializer.MESSAGE);
    } else if (cause instanceof InvalidFormatException f) {
      String allowed = allowedValues(f.getTargetType());
      error = fieldError(path(f), allowed != null ? "must be one of " + allowed : "must be " + describe(f.getTargetType()));
    } else if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      String allowed = allowedValues(m.getTargetType());
      error = fieldError(path(m), allowed != null ? "must be one of " + allowed : "has the wrong type; expected " + describe(m.getTargetType()));
    } else {
      error = fieldError("body", "is not valid JSON");
    }
    return ResponseEntity.badRequest().body(body(List.of(error)));
  }

  /** The database is busy with the same rows (a lock wait ran out): nothing changed, so the client retries. */
  @ExceptionHandler({PessimisticLockingFailureException.class, OptimisticLockingException.class, QueryTimeoutException.class})
  ResponseEntity<ProblemDetail> busy(Exception e) {
    log.warn("Busy answering an API request: {}", e.getMessage());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "ticketflow is busy with the same data; nothing was changed. Retry shortly.");
    problem.setTitle("Busy");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("Unexpected error answering an API request", e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "The request could not be completed; nothing was changed. Try again or contact the operator.");
    problem.setTitle("Internal error");
    return ResponseEntity.internalServerError().body(problem);
  }

  private static ResponseEntity<ProblemDetail> invalid(List<Map<String, String>> errors) {
    return ResponseEntity.badRequest().body(body(errors));
  }

  private static ProblemDetail body(List<Map<String, String>> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        errors.stream().map(e -> e.get("field") + " " + e.get("message")).collect(Collectors.joining("; ")));
    problem.setTitle("Invalid request");
    problem.setType(URI.create("about:blank"));
    problem.setProperty("errors", errors);
    return problem;
  }

  private static Map<String, String> fieldError(String field, String message) {
    return Map.of("field", field, "message", message);
  }

  private static String message(FieldError f) {
    return f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage();
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static String lastNode(String propertyPath) {
    int dot = propertyPath.lastIndexOf('.');
    return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
  }

  private static String allowedValues(Class<?> type) {
    if (type == null || !type.isEnum()) {
      return null;
    }
    return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String simpleName(Class<?> type) {
    return type == null ? "value" : type.getSimpleName();
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == Integer.class || type == Long.class || type == Short.class || type == int.class || type == long.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (List.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }
}
