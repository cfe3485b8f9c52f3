package app.trellis.assessment.domain.instrument;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The kinds of item an instrument has, named as FHIR R4 {@code Questionnaire.item.type} names them. */
public enum ItemType {
    GROUP("group"),
    BOOLEAN("boolean"),
    INTEGER("integer"),
    DECIMAL("decimal"),
    CHOICE("choice"),
    OPEN_CHOICE("open-choice"),
    STRING("string"),
    TEXT("text"),
    DATE("date");

    private static final Map<String, ItemType> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ItemType::code, Function.identity()));

    private final String code;

    ItemType(String code) {
        this.code = code;
    }

    /** The FHIR code, also used in Trellis' own definition JSON. */
    public String code() {
        return code;
    }

    /** The type with this code, or null. */
    public static ItemType fromCode(String code) {
        return BY_CODE.get(code);
    }

    public boolean hasOptions() {
        return this == CHOICE || this == OPEN_CHOICE;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    /** Whether {@code >}, {@code <}, {@code >=}, {@code <=} mean anything for answers of this type. */
    public boolean isOrdered() {
        return isNumeric() || this == DATE;
    }
}
