package app.trellis.assessment.domain;

/** An assessment is answered as a draft, then submitted once; a submitted one never changes. */
public enum AssessmentStatus {
    DRAFT, SUBMITTED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
