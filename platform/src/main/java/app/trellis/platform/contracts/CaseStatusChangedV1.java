package app.trellis.platform.contracts;

import java.util.UUID;

/**
 * {@code app.trellis.case.status-changed.v1}, subject {@code case/<caseId>}: a lifecycle step.
 * {@code from} is null when the case was created. Status codes: REFERRED, OPEN, ON_HOLD, CLOSED.
 * The closure reason is free text and stays in case-service.
 */
public record CaseStatusChangedV1(UUID caseId, UUID clientId, String from, String to) {
    public static final String TYPE = "app.trellis.case.status-changed.v1";
}
