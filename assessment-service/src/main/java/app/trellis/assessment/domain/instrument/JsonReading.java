package app.trellis.assessment.domain.instrument;

import app.trellis.platform.problem.FieldError;
import app.trellis.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads fields of a JSON document and collects what is wrong with each, by path
 * ({@code items[2].enableWhen[0].operator}), so that one answer names every problem.
 */
final class JsonReading {

    private final List<FieldError> errors = new ArrayList<>();

    static String at(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    static String at(String path, String field, int index) {
        return at(path, field) + "[" + index + "]";
    }

    void fail(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    List<FieldError> errors() {
        return errors;
    }

    /** @throws ProblemException 400 {@code validation} naming every problem found, if there is one */
    void throwIfFailed(String title) {
        throwIfAny(errors, title);
    }

    static void throwIfAny(List<FieldError> errors, String title) {
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", title,
                    errors.size() == 1 ? "1 field is not valid" : errors.size() + " fields are not valid", errors);
        }
    }

    /** A string field; null (and, if required, a problem) when it is missing or blank. */
    String text(JsonNode node, String field, String path, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.textValue().isBlank())) {
            if (required) {
                fail(at(path, field), "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            fail(at(path, field), "must be a string");
            return null;
        }
        return value.textValue();
    }

    boolean bool(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            fail(at(path, field), "must be true or false");
            return false;
        }
        return value.booleanValue();
    }

    BigDecimal number(JsonNode node, String field, String path, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                fail(at(path, field), "is required");
            }
            return null;
        }
        if (!value.isNumber()) {
            fail(at(path, field), "must be a number");
            return null;
        }
        return value.decimalValue();
    }

    /**
     * Reads each object of an array field with {@code reader(element, elementPath)}, in order (a null read is
     * left out, the reader having named the problem); a missing
     * field has none, an element that is not an object is a problem.
     */
    <T> List<T> objects(JsonNode node, String field, String path, BiFunction<JsonNode, String, T> reader) {
        JsonNode array = array(node, field, path);
        List<T> read = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isObject()) {
                T element = reader.apply(array.get(i), at(path, field, i));
                if (element != null) {
                    read.add(element);
                }
            } else {
                fail(at(path, field, i), "must be an object");
            }
        }
        return read;
    }

    /** The strings of an array field; none when it is missing. */
    List<String> strings(JsonNode node, String field, String path) {
        JsonNode array = array(node, field, path);
        List<String> read = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isTextual()) {
                read.add(array.get(i).textValue());
            } else {
                fail(at(path, field, i), "must be a string");
            }
        }
        return read;
    }

    private JsonNode array(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull() && !value.isArray()) {
            fail(at(path, field), "must be an array");
        }
        return value == null || !value.isArray() ? MissingNode.getInstance() : value;
    }

    /** A code field looked up in {@code lookup} (an enum's {@code fromCode}). */
    <E> E code(JsonNode node, String field, String path, Function<String, E> lookup, boolean required) {
        String code = text(node, field, path, required);
        if (code == null) {
            return null;
        }
        E value = lookup.apply(code);
        if (value == null) {
            fail(at(path, field), "is not a known code");
        }
        return value;
    }

    /** An answer value field ({@link AnswerValue#fromJson}); null when missing. */
    AnswerValue value(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        AnswerValue read = AnswerValue.fromJson(value);
        if (read == null) {
            fail(at(path, field), "must be a boolean, number, string or {system, code}");
        }
        return read;
    }
}
