package app.trellis.reporting.api;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** Report rows (records) as {@link Csv} lines: a header of the record's component names, then one line per row. */
final class CsvRecords<T extends Record> {

    private final RecordComponent[] columns;

    CsvRecords(Class<T> type) {
        this.columns = type.getRecordComponents();
    }

    void header(Writer out) throws IOException {
        List<String> names = new ArrayList<>();
        for (RecordComponent column : columns) {
            names.add(column.getName());
        }
        out.write(Csv.row(names));
    }

    void row(Writer out, T row) throws IOException {
        List<Object> values = new ArrayList<>();
        for (RecordComponent column : columns) {
            values.add(value(column, row));
        }
        out.write(Csv.row(values));
    }

    private static Object value(RecordComponent column, Object row) {
        try {
            return column.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("report row not readable: " + column.getName(), e);
        }
    }
}
