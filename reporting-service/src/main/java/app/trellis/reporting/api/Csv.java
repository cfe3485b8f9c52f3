package app.trellis.reporting.api;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Report rows as CSV (RFC 4180): a header row of the record's component names, CRLF line ends, and a field quoted
 * (quotes doubled) when it holds a comma, a quote or a line break. Empty for null.
 */
final class Csv<T extends Record> {

    private final RecordComponent[] columns;

    Csv(Class<T> type) {
        this.columns = type.getRecordComponents();
    }

    void header(Writer out) throws IOException {
        List<String> names = new ArrayList<>();
        for (RecordComponent column : columns) {
            names.add(column.getName());
        }
        line(out, names);
    }

    void row(Writer out, T row) throws IOException {
        List<String> values = new ArrayList<>();
        for (RecordComponent column : columns) {
            values.add(text(value(column, row)));
        }
        line(out, values);
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(fields.get(i)));
        }
        out.write("\r\n");
    }

    static String quoted(String field) {
        boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0;
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    private static Object value(RecordComponent column, Object row) {
        try {
            return column.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("report row not readable: " + column.getName(), e);
        }
    }
}
