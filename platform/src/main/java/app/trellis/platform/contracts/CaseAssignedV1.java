package app.trellis.platform.contracts;

import java.util.UUID;

/** {@code app.trellis.case.assigned.v1}, subject {@code case/<caseId>}: a case got a new assignee (and team). */
public record CaseAssignedV1(UUID caseId, UUID clientId, String assignee, String team) {
    public static final String TYPE = "app.trellis.case.assigned.v1";
}
