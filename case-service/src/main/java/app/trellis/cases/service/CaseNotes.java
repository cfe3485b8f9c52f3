package app.trellis.cases.service;

import app.trellis.cases.domain.CaseFile;
import app.trellis.cases.domain.CaseNote;
import app.trellis.cases.repository.CaseNoteRepository;
import app.trellis.platform.audit.AuditEntry;
import app.trellis.platform.audit.AuditTrail;
import app.trellis.platform.contracts.NoteAddedV1;
import app.trellis.platform.event.OutboxWriter;
import app.trellis.platform.paging.Cursor;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Writing and reading a case's notes; there is deliberately no edit and no delete. */
@ApplicationScoped
public class CaseNotes {

    @Inject
    CaseNoteRepository notes;
    @Inject
    CaseManagement cases;
    @Inject
    AuditTrail audit;
    @Inject
    OutboxWriter events;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /** The one write a break-glass grant allows: a note about the emergency. */
    @Transactional
    public CaseNote addNote(UUID caseId, String type, Instant occurredAt, String text) {
        CaseFile onCase = cases.workedCase(caseId);
        CaseNote note = CaseNote.write(onCase, caller.person(), type, occurredAt, text, clock.instant());
        return saved(note);
    }

    @Transactional
    public CaseNote addAddendum(UUID caseId, UUID noteId, String text) {
        CaseFile onCase = cases.changeableCase(caseId);
        CaseNote original = note(onCase, noteId);
        return saved(original.addendum(caller.person(), text, clock.instant()));
    }

    @Transactional
    public CaseNote markEnteredInError(UUID caseId, UUID noteId, String reason) {
        CaseFile onCase = cases.changeableCase(caseId);
        CaseNote note = note(onCase, noteId);
        note.markEnteredInError(caller.person(), reason, clock.instant());
        notes.flush();
        audit.recordWrite(new AuditEntry("UPDATE", "note", note.id().toString(), note.clientId().toString(),
                "entered in error"));
        return note;
    }

    @Transactional
    public CaseNote readNote(UUID caseId, UUID noteId) {
        CaseFile onCase = cases.workedCase(caseId);
        CaseNote note = note(onCase, noteId);
        audit.recordRead(new AuditEntry("READ", "note", note.id().toString(), note.clientId().toString(), null));
        return note;
    }

    @Transactional
    public Page<CaseNote> notes(UUID caseId, PageRequest page) {
        CaseFile onCase = cases.workedCase(caseId);
        audit.recordRead(new AuditEntry("READ", "notes", onCase.id().toString(), onCase.clientId().toString(), null));
        return page.toPage(notes.page(onCase.id(), page), n -> Cursor.of(n.createdAt().toString(), n.id().toString()));
    }

    private CaseNote saved(CaseNote note) {
        notes.persist(note);
        notes.flush();
        audit.recordWrite(new AuditEntry("CREATE", "note", note.id().toString(), note.clientId().toString(), null));
        events.append("case", note.caseId().toString(), caller.tenant(), NoteAddedV1.TYPE,
                new NoteAddedV1(note.id(), note.caseId(), note.clientId(), note.type(), note.addendumOf()));
        return note;
    }

    private CaseNote note(CaseFile onCase, UUID noteId) {
        return notes.findOnCase(onCase.id(), noteId).orElseThrow(() -> ProblemException.notFound("Note"));
    }
}
