package app.trellis.reporting.api;

import java.util.List;

/**
 * RFC 4180 rows for exports a person opens in a spreadsheet: a field with a comma, quote or line break is quoted
 * (quotes doubled), and one that a spreadsheet would run as a formula ({@code = + - @}) is prefixed with a quote.
 */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    static String row(List<?> fields) {
        StringBuilder line = new StringBuilder();
        for (Object field : fields) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            line.append(field(field == null ? "" : field.toString()));
        }
        return line.append("\r\n").toString();
    }

    private static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
