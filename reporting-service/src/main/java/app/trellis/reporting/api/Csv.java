package app.trellis.reporting.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * RFC 4180 rows for exports a person opens in a spreadsheet: CRLF line ends; a field with a comma, quote or line
 * break is quoted (quotes doubled); a text field that a spreadsheet would run as a formula ({@code = + - @}) is
 * prefixed with a quote. Numbers are left as they are, so a negative number stays a number. Empty for null.
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
            line.append(field(field));
        }
        return line.append("\r\n").toString();
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
        }
        String text = value.toString();
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        boolean quote = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
