package app.trellis.reporting.api;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV (RFC 4180) for exports a person opens in a spreadsheet: CRLF line ends; a field with a comma, quote or line
 * break is quoted (quotes doubled); a text field that a spreadsheet would run as a formula ({@code = + - @}) is
 * prefixed with a quote (numbers are left as they are, so a negative number stays a number). Empty for null.
 * Report rows are records: the header row is the record's component names.
 */
final class Csv<T extends Record> {

    static final String MEDIA_TYPE = "text/csv";

    private final RecordComponent[] columns;

    Csv(Class<T> type) {
        this.columns = type.getRecordComponents();
    }

    void header(Writer out) throws IOException {
        List<String> names = new ArrayList<>();
        for (RecordComponent column : columns) {
            names.add(column.getName());
        }
        out.write(row(names));
    }

    void row(Writer out, T row) throws IOException {
        List<Object> values = new ArrayList<>();
        for (RecordComponent column : columns) {
            values.add(value(column, row));
        }
        out.write(row(values));
    }

    /** One line of fields, with its CRLF. */
    static String row(List<?> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
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
        return quoted(formulaSafe(value.toString()));
    }

    private static String formulaSafe(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    static String quoted(String field) {
        boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0;
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    private static Object value(RecordComponent column, Object row) {
        try {
            return column.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("report row not readable: " + column.getName(), e);
        }
    }
}
