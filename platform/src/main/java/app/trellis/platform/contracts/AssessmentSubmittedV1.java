package app.trellis.platform.contracts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code app.trellis.assessment.submitted.v1}, subject {@code assessment/<assessmentId>}: an assessment was
 * submitted and scored by the server. Scores, band and flags only: never the answers, which may hold free
 * text. Every score names the instrument version and scoring-engine version that produced it.
 *
 * @param assessmentId  the assessment (an amendment is its own assessment, with {@code revision} above 1)
 * @param clientId      the client assessed
 * @param caseId        the case it belongs to
 * @param instrumentId  the instrument
 * @param instrument    canonical {@code url|version} of the version it was scored by
 * @param revision      1 for an original, 2 and up for amendments
 * @param total         the total score
 * @param subscales     each subscale's score by name (empty when the instrument has none)
 * @param band          the severity band of the total, null when the instrument has no bands
 * @param flags         flags raised, e.g. {@code safety-risk}
 * @param engineVersion the scoring engine's version
 */
public record AssessmentSubmittedV1(UUID assessmentId, UUID clientId, UUID caseId, UUID instrumentId,
                                    String instrument, int revision, BigDecimal total,
                                    Map<String, BigDecimal> subscales, String band, List<String> flags,
                                    String engineVersion) {
    public static final String TYPE = "app.trellis.assessment.submitted.v1";
}
