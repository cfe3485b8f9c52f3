package app.trellis.cases.api;

import app.trellis.cases.domain.CaseAssignment;
import app.trellis.cases.domain.CaseFile;
import java.time.Instant;
import java.util.UUID;

/** A case as the API shows it. */
public record CaseResponse(UUID id, UUID clientId, String program, String status, String closureReason,
                           String assignee, String team, Instant openedAt, Instant closedAt, Instant createdAt,
                           Instant updatedAt) {

    static CaseResponse from(CaseFile c) {
        return new CaseResponse(c.id(), c.clientId(), c.programCode(), CaseStatusCodes.of(c.status()), c.closureReason(),
                c.assignee(), c.team(), c.openedAt(), c.closedAt(), c.createdAt(), c.updatedAt());
    }

    /** One period of the assignment history. */
    public record AssignmentPeriod(String assignee, String team, String assignedBy, Instant assignedAt, Instant endedAt) {
        static AssignmentPeriod from(CaseAssignment a) {
            return new AssignmentPeriod(a.assignee(), a.team(), a.assignedBy(), a.assignedAt(), a.endedAt());
        }
    }
}
