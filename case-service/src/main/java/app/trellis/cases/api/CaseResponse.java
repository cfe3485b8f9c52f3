package app.trellis.cases.api;

import app.trellis.cases.domain.CaseAssignment;
import app.trellis.cases.domain.CaseFile;
import app.trellis.cases.domain.CaseScore;
import app.trellis.platform.security.PersonRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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

    /** The latest score of one instrument on the case, and the instrument version ({@code url|version}) that scored it. */
    public record Score(UUID instrumentId, String instrument, UUID assessmentId, int revision, BigDecimal total,
                        String band, List<String> flags, Instant submittedAt) {
        static Score from(CaseScore s) {
            return new Score(s.instrumentId(), s.instrument(), s.assessmentId(), s.revision(), s.total(), s.band(),
                    s.flags(), s.submittedAt());
        }
    }
}
