package app.trellis.platform.problem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * Parses query parameters into a 400 problem naming the parameter, where JAX-RS would answer a
 * conversion failure with a bare 404.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static Optional<LocalDate> date(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be a date like 1990-04-01");
        }
    }

    public static Optional<UUID> uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be a UUID");
        }
    }
}
