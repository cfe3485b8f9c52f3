package app.trellis.platform.contracts;

import java.util.UUID;

/**
 * {@code app.trellis.case.opened.v1}, subject {@code case/<caseId>}: a case became open for the first
 * time (assessment-service starts reassessment schedules on it).
 *
 * @param caseId   the case
 * @param clientId the client served
 * @param program  the program code
 * @param assignee user name of the case manager
 */
public record CaseOpenedV1(UUID caseId, UUID clientId, String program, String assignee) {
    public static final String TYPE = "app.trellis.case.opened.v1";
}
