package app.trellis.platform.contracts;

import java.util.UUID;

/**
 * {@code app.trellis.case.closed.v1}, subject {@code case/<caseId>}: a case closed (assessment stops
 * schedules; document-service starts the retention clock).
 */
public record CaseClosedV1(UUID caseId, UUID clientId, String program) {
    public static final String TYPE = "app.trellis.case.closed.v1";
}
