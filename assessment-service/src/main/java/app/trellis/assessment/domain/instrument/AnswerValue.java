package app.trellis.assessment.domain.instrument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One answer value, as a submission gives it and as an {@code enableWhen} or flag rule compares with it.
 * JSON form: {@code true}, {@code 3}, {@code 2.5}, {@code "text"} (also a date {@code "2024-05-01"} or an
 * option code) or {@code {"system": "...", "code": "..."}} (system optional). What a value means depends on
 * the item it answers: {@link ScoringEngine} reads a string as a date for a date item and as an option code
 * for a choice item.
 */
public sealed interface AnswerValue {

    record BooleanValue(boolean value) implements AnswerValue {
    }

    record NumberValue(BigDecimal value) implements AnswerValue {
        public NumberValue {
            Objects.requireNonNull(value);
        }

        public static NumberValue of(long value) {
            return new NumberValue(BigDecimal.valueOf(value));
        }
    }

    record StringValue(String value) implements AnswerValue {
        public StringValue {
            Objects.requireNonNull(value);
        }

        /** Never the text itself: free text may hold PHI. */
        @Override
        public String toString() {
            return "StringValue[" + value.length() + " chars]";
        }
    }

    record DateValue(LocalDate value) implements AnswerValue {
        public DateValue {
            Objects.requireNonNull(value);
        }
    }

    /**
     * An answer option by its code; {@code system} may be null (then any system matches). A coding without
     * a system is read as a {@link StringValue} of its code, so that a definition has one form of it.
     */
    record CodingValue(String system, String code) implements AnswerValue {
        public CodingValue {
            Objects.requireNonNull(code);
        }
    }

    /** The value a JSON scalar or coding object stands for, or null if it stands for none. */
    static AnswerValue fromJson(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isBoolean()) {
            return new BooleanValue(node.booleanValue());
        }
        if (node.isNumber()) {
            return new NumberValue(node.decimalValue());
        }
        if (node.isTextual()) {
            return new StringValue(node.textValue());
        }
        if (node.isObject() && node.path("code").isTextual() && !node.path("code").textValue().isBlank()) {
            JsonNode system = node.get("system");
            if (system == null || system.isNull()) {
                return new StringValue(node.get("code").textValue());
            } else if (system.isTextual()) {
                return new CodingValue(system.textValue(), node.get("code").textValue());
            }
        }
        return null;
    }

    /** This value in the JSON form {@link #fromJson} reads. */
    default JsonNode toJson() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (this instanceof BooleanValue b) {
            return json.booleanNode(b.value());
        } else if (this instanceof NumberValue n) {
            return json.numberNode(n.value());
        } else if (this instanceof StringValue s) {
            return json.textNode(s.value());
        } else if (this instanceof DateValue d) {
            return json.textNode(d.value().toString());
        }
        CodingValue c = (CodingValue) this;
        ObjectNode coding = json.objectNode();
        if (c.system() != null) {
            coding.put("system", c.system());
        }
        return coding.put("code", c.code());
    }

    /**
     * Whether this (an answer, already read for its item's type) satisfies {@code operator} against
     * {@code expected}. Values of kinds that cannot be compared never satisfy anything; a coding equals
     * another coding with the same code (and the same system where both name one) or a string equal to its
     * code.
     */
    default boolean satisfies(Operator operator, AnswerValue expected) {
        Integer comparison = compare(this, expected);
        return comparison != null && operator.accepts(comparison);
    }

    private static Integer compare(AnswerValue answer, AnswerValue expected) {
        if (answer instanceof NumberValue a && expected instanceof NumberValue e) {
            return a.value().compareTo(e.value());
        } else if (answer instanceof DateValue a && expected instanceof DateValue e) {
            return a.value().compareTo(e.value());
        } else if (answer instanceof BooleanValue a && expected instanceof BooleanValue e) {
            return Boolean.compare(a.value(), e.value());
        } else if (answer instanceof StringValue a && expected instanceof StringValue e) {
            return a.value().compareTo(e.value());
        } else if (answer instanceof CodingValue a) {
            String code = expected instanceof CodingValue e
                    ? (a.system() != null && e.system() != null && !a.system().equals(e.system()) ? null : e.code())
                    : expected instanceof StringValue e ? e.value() : null;
            return code == null ? Integer.valueOf(1) : Integer.valueOf(a.code().equals(code) ? 0 : 1);
        }
        return null;
    }
}
