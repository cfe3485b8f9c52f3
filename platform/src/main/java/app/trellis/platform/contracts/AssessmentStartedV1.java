package app.trellis.platform.contracts;

import java.util.UUID;

/**
 * {@code app.trellis.assessment.started.v1}, subject {@code assessment/<assessmentId>}: a draft assessment was
 * started for a client within a case, pinned to one instrument version.
 *
 * @param assessmentId the assessment
 * @param clientId     the client assessed
 * @param caseId       the case it belongs to (who may see it follows the case)
 * @param instrumentId the instrument
 * @param instrument   canonical {@code url|version} of the pinned version
 */
public record AssessmentStartedV1(UUID assessmentId, UUID clientId, UUID caseId, UUID instrumentId,
                                  String instrument) {
    public static final String TYPE = "app.trellis.assessment.started.v1";
}
