package app.trellis.assessment.domain.instrument;

import app.trellis.platform.problem.ProblemException;

/**
 * The life of one instrument version: {@code draft → published → retired}. Only a draft may change;
 * a published version never changes again (assessments are pinned to it), it can only be retired.
 */
public enum InstrumentVersionStatus {
    DRAFT("draft"),
    PUBLISHED("active"),
    RETIRED("retired");

    private final String fhirStatus;

    InstrumentVersionStatus(String fhirStatus) {
        this.fhirStatus = fhirStatus;
    }

    /** The FHIR R4 {@code Questionnaire.status} of a version in this state. */
    public String fhirStatus() {
        return fhirStatus;
    }

    public boolean canMoveTo(InstrumentVersionStatus next) {
        return (this == DRAFT && next == PUBLISHED) || (this == PUBLISHED && next == RETIRED);
    }

    /** @throws ProblemException 409 {@code conflict/instrument-version-lifecycle} for any other move */
    public InstrumentVersionStatus moveTo(InstrumentVersionStatus next) {
        if (!canMoveTo(next)) {
            throw ProblemException.conflict("instrument-version-lifecycle",
                    "An instrument version cannot go from " + name().toLowerCase() + " to " + next.name().toLowerCase());
        }
        return next;
    }

    /** @throws ProblemException 409 {@code conflict/instrument-version-immutable} unless this is a draft */
    public void requireEditable() {
        if (this != DRAFT) {
            throw ProblemException.conflict("instrument-version-immutable",
                    "Only a draft instrument version can change; this one is " + name().toLowerCase());
        }
    }

    /** Whether new assessments may be started on a version in this state. */
    public boolean acceptsNewAssessments() {
        return this == PUBLISHED;
    }
}
