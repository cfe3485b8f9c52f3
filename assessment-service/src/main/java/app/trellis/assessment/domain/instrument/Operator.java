package app.trellis.assessment.domain.instrument;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The operators of FHIR R4 {@code enableWhen.operator}; Trellis flag rules use the same ones. */
public enum Operator {
    EXISTS("exists"),
    EQUALS("="),
    NOT_EQUALS("!="),
    GREATER(">"),
    LESS("<"),
    GREATER_OR_EQUAL(">="),
    LESS_OR_EQUAL("<=");

    private static final Map<String, Operator> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Operator::code, Function.identity()));

    private final String code;

    Operator(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The operator with this code, or null. */
    public static Operator fromCode(String code) {
        return BY_CODE.get(code);
    }

    public boolean isOrdering() {
        return this == GREATER || this == LESS || this == GREATER_OR_EQUAL || this == LESS_OR_EQUAL;
    }

    /**
     * Whether an answer compared with the expected value satisfies this operator. {@code comparison} is
     * {@code answer.compareTo(expected)}; not used for {@link #EXISTS}.
     */
    boolean accepts(int comparison) {
        return switch (this) {
            case EQUALS -> comparison == 0;
            case NOT_EQUALS -> comparison != 0;
            case GREATER -> comparison > 0;
            case LESS -> comparison < 0;
            case GREATER_OR_EQUAL -> comparison >= 0;
            case LESS_OR_EQUAL -> comparison <= 0;
            case EXISTS -> throw new IllegalStateException("exists compares no values");
        };
    }
}
