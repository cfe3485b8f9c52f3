package app.trellis.platform.contracts;

import java.util.UUID;

/**
 * {@code app.trellis.case.access-changed.v1}, subject {@code case/<caseId>}: the facts the access rule
 * decides a case by, whole, after every change to any of them (creation, assignment, status). Whole rather
 * than a delta so that a service keeping its own copy of case access applies the newest by {@code sequence}
 * and ignores older or repeated ones, whatever order they arrive in, and a replay changes nothing.
 *
 * @param caseId   the case
 * @param clientId the client served
 * @param assignee the case manager's id (token subject), never a user name
 * @param team     the team that works the case, if any
 * @param status   referred, open, on-hold or closed
 */
public record CaseAccessChangedV1(UUID caseId, UUID clientId, String assignee, String team, String status) {
    public static final String TYPE = "app.trellis.case.access-changed.v1";
}
