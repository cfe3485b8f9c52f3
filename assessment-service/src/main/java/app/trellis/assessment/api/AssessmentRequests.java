package app.trellis.assessment.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Request bodies of {@code /api/v1/assessments}. */
public final class AssessmentRequests {

    private AssessmentRequests() {
    }

    /**
     * Starts an assessment of the case's client. Name the version to pin ({@code instrumentVersionId}) or the
     * instrument ({@code instrumentId}: its latest published version is pinned), not both.
     */
    public record Start(@NotNull UUID clientId, @NotNull UUID caseId, UUID instrumentVersionId, UUID instrumentId) {
    }

    /**
     * Answers by linkId: {@code {"phq9-1": "2", "notes": ["text"]}}; a value is a boolean, number, string (a date,
     * an option code) or {@code {"system", "code"}}, an array of them for a repeating item.
     */
    public record Answers(@NotNull JsonNode answers) {
    }
}
