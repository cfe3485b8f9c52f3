package app.trellis.assessment.api;

import app.trellis.assessment.domain.Assessment;
import app.trellis.platform.security.PersonRef;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * An assessment. {@code instrument} is the canonical {@code url|version} it is pinned to; {@code score} and
 * {@code engineVersion} are set once submitted; {@code revisionOf} names the assessment an amendment corrects.
 * {@code answers} only in the response for one assessment, not in lists (a list is a score history).
 */
public record AssessmentResponse(UUID id, UUID clientId, UUID caseId, UUID instrumentId, UUID instrumentVersionId,
                                 String instrument, String status, int revision, UUID revisionOf,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode answers, ScoreResponse score,
                                 String engineVersion, PersonRef startedBy, PersonRef submittedBy,
                                 Instant submittedAt, Instant createdAt, Instant updatedAt) {

    static AssessmentResponse summary(Assessment a) {
        return of(a, null);
    }

    static AssessmentResponse of(Assessment a, JsonNode answers) {
        return new AssessmentResponse(a.id(), a.clientId(), a.caseId(), a.instrumentId(), a.instrumentVersionId(),
                a.instrumentCanonical(), a.status().code(), a.revision(), a.revisionOf(), answers,
                ScoreResponse.of(a.score()), a.engineVersion(), PersonRef.of(a.startedBy()),
                PersonRef.of(a.submittedBy()), a.submittedAt(), a.createdAt(), a.updatedAt());
    }
}
