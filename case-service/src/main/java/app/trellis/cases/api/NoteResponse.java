package app.trellis.cases.api;

import app.trellis.cases.domain.CaseNote;
import app.trellis.platform.security.PersonRef;
import java.time.Instant;
import java.util.UUID;

/** A note as written; an entered-in-error note stays, flagged, with its reason. */
public record NoteResponse(UUID id, UUID caseId, String type, PersonRef author, Instant occurredAt, String text,
                           UUID addendumOf, boolean enteredInError, String errorReason, Instant errorMarkedAt,
                           Instant createdAt) {

    static NoteResponse from(CaseNote n) {
        return new NoteResponse(n.id(), n.caseId(), n.type(), PersonRef.of(n.author()), n.occurredAt(), n.text(), n.addendumOf(),
                n.enteredInError(), n.errorReason(), n.errorMarkedAt(), n.createdAt());
    }
}
