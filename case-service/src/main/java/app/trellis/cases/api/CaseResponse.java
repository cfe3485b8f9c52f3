package app.trellis.cases.api;

import app.trellis.cases.domain.CaseAssignment;
import app.trellis.cases.domain.CaseFile;
import app.trellis.platform.security.PersonRef;
import java.time.Instant;
import java.util.UUID;

/** A case as the API shows it. */
public record CaseResponse(UUID id, UUID clientId, String program, String status, String closureReason,
                           PersonRef assignee, String team, Instant openedAt, Instant closedAt, Instant createdAt,
                           Instant updatedAt) {

    static CaseResponse from(CaseFile c) {
        return new CaseResponse(c.id(), c.clientId(), c.programCode(), CaseStatusCodes.of(c.status()), c.closureReason(),
                PersonRef.of(c.assignee()), c.team(), c.openedAt(), c.closedAt(), c.createdAt(), c.updatedAt());
    }

    /** One period of the assignment history. */
    public record AssignmentPeriod(PersonRef assignee, String team, PersonRef assignedBy, Instant assignedAt, Instant endedAt) {
        static AssignmentPeriod from(CaseAssignment a) {
            return new AssignmentPeriod(PersonRef.of(a.assignee()), a.team(), PersonRef.of(a.assignedBy()), a.assignedAt(), a.endedAt());
        }
    }
}
