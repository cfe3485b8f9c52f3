package app.trellis.platform.problem;

/** One invalid field of a request: {@code field} is the JSON path (e.g. {@code contact.email}). */
public record FieldError(String field, String message) {
}
