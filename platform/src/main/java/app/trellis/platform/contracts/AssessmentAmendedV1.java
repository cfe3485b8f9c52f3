package app.trellis.platform.contracts;

import java.util.UUID;

/**
 * {@code app.trellis.assessment.amended.v1}, subject {@code assessment/<assessmentId>}: an amendment of a
 * submitted assessment was started, as a new draft revision; the amended one stays as it was. Its score
 * arrives with its own {@code assessment.submitted}.
 *
 * @param assessmentId the amendment (a new assessment)
 * @param amends       the submitted assessment it corrects
 * @param clientId     the client assessed
 * @param caseId       the case it belongs to
 * @param instrumentId the instrument
 * @param instrument   canonical {@code url|version}, the same version as the amended assessment's
 * @param revision     the amendment's revision number (2 and up)
 */
public record AssessmentAmendedV1(UUID assessmentId, UUID amends, UUID clientId, UUID caseId, UUID instrumentId,
                                  String instrument, int revision) {
    public static final String TYPE = "app.trellis.assessment.amended.v1";
}
