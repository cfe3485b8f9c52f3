package app.trellis.platform.problem;

import java.util.List;

/**
 * A failure that already knows how it should look to the caller. Services throw it (usually through
 * the factory methods) instead of building responses; {@link ProblemMappers} renders it.
 * The message must never carry PHI: it becomes the problem's {@code detail}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final transient List<FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Resource not found", what + " was not found");
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "validation", "Request is not valid", "1 field is not valid",
                List.of(new FieldError(field, message)));
    }

    /** A business rule refused the change; {@code rule} names it so clients can react to it. */
    public static ProblemException conflict(String rule, String detail) {
        return new ProblemException(409, "conflict/" + rule, "The request conflicts with a rule", detail);
    }

    public static ProblemException forbidden(String slug, String detail) {
        return new ProblemException(403, slug, "Forbidden", detail);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
