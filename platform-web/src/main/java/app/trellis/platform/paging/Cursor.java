package app.trellis.platform.paging;

import app.trellis.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The opaque position in a list: the sort-key values of the last item seen. Encoded as base64url of
 * unit-separator-joined values, so clients cannot depend on its inside and it survives a URL unescaped.
 */
public record Cursor(List<String> values) {

    private static final char SEPARATOR = '\u001f';
    private static final String VERSION = "v1";

    public Cursor {
        values = List.copyOf(values);
    }

    public static Cursor of(String... values) {
        return new Cursor(List.of(values));
    }

    /** The value at {@code index}; a cursor with fewer values is not one this list returned (400). */
    public String value(int index) {
        if (index < 0 || index >= values.size()) {
            throw invalid();
        }
        return values.get(index);
    }

    /** The value at {@code index} as an id; 400 when it is not one. */
    public UUID uuid(int index) {
        try {
            return UUID.fromString(value(index));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The value at {@code index} as an instant; 400 when it is not one. */
    public Instant instant(int index) {
        try {
            return Instant.parse(value(index));
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    /** The value at {@code index} as a number; 400 when it is not one. */
    public long number(int index) {
        try {
            return Long.parseLong(value(index));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public String encode() {
        StringBuilder raw = new StringBuilder(VERSION);
        for (String value : values) {
            raw.append(SEPARATOR).append(value);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String encoded) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        List<String> parts = new ArrayList<>(List.of(raw.split(String.valueOf(SEPARATOR), -1)));
        if (parts.size() < 2 || !parts.remove(0).equals(VERSION)) {
            throw invalid();
        }
        return new Cursor(parts);
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("cursor", "is not a cursor returned by this list");
    }
}
