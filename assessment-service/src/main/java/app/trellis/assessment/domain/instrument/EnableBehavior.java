package app.trellis.assessment.domain.instrument;

/** FHIR R4 {@code enableBehavior}: whether any or all of an item's conditions must hold. */
public enum EnableBehavior {
    ANY("any"),
    ALL("all");

    private final String code;

    EnableBehavior(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The behaviour with this code, or null. */
    public static EnableBehavior fromCode(String code) {
        return "any".equals(code) ? ANY : "all".equals(code) ? ALL : null;
    }
}
