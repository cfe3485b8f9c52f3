package app.trellis.platform.paging;

import app.trellis.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

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

    public String value(int index) {
        return values.get(index);
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
