package ticketflow.api;

import org.springframework.http.HttpStatus;

/** An answer the API gives on purpose, rendered as an RFC 9457 problem. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String title;

  public ApiException(HttpStatus status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  public static ApiException notFound(String what, String id) {
    return new ApiException(HttpStatus.NOT_FOUND, what + " not found", "No " + what.toLowerCase() + " with id '" + id + "'.");
  }

  public static ApiException conflict(String detail) {
    return new ApiException(HttpStatus.CONFLICT, "Conflict", detail);
  }

  public static ApiException unprocessable(String title, String detail) {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, title, detail);
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", detail);
  }

  /** A 400 about one field, listed in the problem's errors like a validation failure. */
  public static ApiException invalidField(String field, String message) {
    ApiException e = new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", field + " " + message);
    e.field = field;
    e.fieldMessage = message;
    return e;
  }

  private String field;
  private String fieldMessage;

  public String field() {
    return field;
  }

  public String fieldMessage() {
    return fieldMessage;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }
}
