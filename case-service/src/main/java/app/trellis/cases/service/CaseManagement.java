package app.trellis.cases.service;

import app.trellis.cases.domain.CaseAssignment;
import app.trellis.cases.domain.CaseFile;
import app.trellis.cases.domain.CaseScore;
import app.trellis.cases.domain.CaseStatus;
import app.trellis.cases.domain.Client;
import app.trellis.cases.domain.Program;
import app.trellis.cases.repository.CarePlanRepository;
import app.trellis.cases.repository.CaseAssignmentRepository;
import app.trellis.cases.repository.CaseRepository;
import app.trellis.cases.repository.CaseScoreRepository;
import app.trellis.cases.repository.ProgramRepository;
import app.trellis.platform.audit.AuditEntry;
import app.trellis.platform.audit.AuditTrail;
import app.trellis.platform.concurrency.ETags;
import app.trellis.platform.contracts.CaseAccessChangedV1;
import app.trellis.platform.contracts.CaseAssignedV1;
import app.trellis.platform.contracts.CaseClosedV1;
import app.trellis.platform.contracts.CaseOpenedV1;
import app.trellis.platform.contracts.CaseStatusChangedV1;
import app.trellis.platform.event.OutboxWriter;
import app.trellis.platform.paging.Cursor;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import app.trellis.platform.security.Person;
import app.trellis.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Opening, reading, moving and assigning cases. A case manager works the cases assigned to them or
 * their team; a supervisor the whole tenant; a partner reads with {@code system/cases.read}.
 */
@ApplicationScoped
public class CaseManagement {

    @Inject
    CaseRepository cases;
    @Inject
    CaseAssignmentRepository assignments;
    @Inject
    ProgramRepository programs;
    @Inject
    ClientRegistry clients;
    @Inject
    CarePlanRepository carePlans;
    @Inject
    AuditTrail audit;
    @Inject
    CaseScoreRepository scores;
    @Inject
    OutboxWriter events;
    @Inject
    Caller caller;
    @Inject
    CaseAccess access;
    @Inject
    StaffDirectory staff;
    @Inject
    Clock clock;

    /** What a use case needs to open a case. */
    public record Opening(UUID clientId, String program, String assignee, String team, boolean open) {
    }

    @Transactional
    public CaseFile openCase(Opening opening) {
        String tenant = caller.tenant();
        Client client = clients.changeableClient(opening.clientId());
        Program program = programs.find("tenantId = ?1 and code = ?2", tenant, opening.program()).firstResultOptional()
                .orElseThrow(() -> ProblemException.badRequest("program", "is not a program of this tenant"));
        if (!program.active()) {
            throw ProblemException.conflict("program-inactive", "The program is retired; no new cases may open in it");
        }
        Instant now = clock.instant();
        CaseFile file = CaseFile.start(tenant, client.id(), program.code(), opening.open(),
                staff.person(tenant, opening.assignee()), opening.team(), now);
        cases.persist(file);
        assignments.persist(CaseAssignment.begin(file.id(), file.assignee(), file.team(), caller.person(), now));
        cases.flush();
        audit.recordWrite(entry("CREATE", file));
        events.append("case", file.id().toString(), tenant, CaseStatusChangedV1.TYPE,
                new CaseStatusChangedV1(file.id(), file.clientId(), null, file.status().code()));
        if (file.status() == CaseStatus.OPEN) {
            events.append("case", file.id().toString(), tenant, CaseOpenedV1.TYPE,
                    new CaseOpenedV1(file.id(), file.clientId(), file.programCode(), file.assignee().subject()));
        }
        accessChanged(file);
        return file;
    }

    // No transaction: nothing to commit, and no row locks held while the audit appender seals the record.
    public CaseFile caseFile(UUID id) {
        CaseFile file = worked(id);
        audit.recordRead(entry("READ", file));
        return file;
    }

    // No transaction: nothing to commit, and no row locks held while the audit appender seals the record.
    public Page<CaseFile> cases(String assignee, CaseStatus status, UUID clientId, String program, PageRequest page) {
        String who = "me".equals(assignee) ? caller.subject() : assignee;
        var filter = new CaseRepository.Filter(caller.tenant(), who, status, clientId, program, access.viewer());
        Page<CaseFile> found = page.toPage(cases.list(filter, page),
                c -> Cursor.of(c.createdAt().toString(), c.id().toString()));
        audit.recordReads(found.items().stream().map(c -> entry("SEARCH", c)).toList());
        return found;
    }

    @Transactional
    public CaseFile changeStatus(UUID id, String ifMatch, CaseStatus target, String reason) {
        CaseFile file = changeable(id);
        ETags.requireMatch(ifMatch, file.version());
        CaseStatus from = file.status();
        boolean firstOpening = target == CaseStatus.OPEN && file.openedAt() == null;
        int openTasks = (int) carePlans.openTasks(file.id());
        file.moveTo(target, reason, openTasks, caller.hasRole(Roles.SUPERVISOR), clock.instant());
        cases.flush();
        audit.recordWrite(new AuditEntry("UPDATE", "case", file.id().toString(), file.clientId().toString(),
                "status " + from + " -> " + target));
        String tenant = file.tenantId();
        events.append("case", file.id().toString(), tenant, CaseStatusChangedV1.TYPE,
                new CaseStatusChangedV1(file.id(), file.clientId(), from.code(), target.code()));
        if (firstOpening) {
            events.append("case", file.id().toString(), tenant, CaseOpenedV1.TYPE,
                    new CaseOpenedV1(file.id(), file.clientId(), file.programCode(), file.assignee().subject()));
        }
        if (target == CaseStatus.CLOSED) {
            events.append("case", file.id().toString(), tenant, CaseClosedV1.TYPE,
                    new CaseClosedV1(file.id(), file.clientId(), file.programCode()));
        }
        accessChanged(file);
        return file;
    }

    @Transactional
    public CaseFile assignCase(UUID id, String ifMatch, String assignee, String team) {
        CaseFile file = changeable(id);
        ETags.requireMatch(ifMatch, file.version());
        Instant now = clock.instant();
        Person person = staff.person(file.tenantId(), assignee);
        file.assignTo(person, team, now);
        assignments.current(file.id()).forEach(a -> a.end(now));
        assignments.persist(CaseAssignment.begin(file.id(), person, team, caller.person(), now));
        cases.flush();
        audit.recordWrite(entry("ASSIGN", file));
        events.append("case", file.id().toString(), file.tenantId(), CaseAssignedV1.TYPE,
                new CaseAssignedV1(file.id(), file.clientId(), assignee, team));
        accessChanged(file);
        return file;
    }

    // No transaction: nothing to commit, and no row locks held while the audit appender seals the record.
    public List<CaseAssignment> assignmentHistory(UUID id) {
        CaseFile file = worked(id);
        audit.recordRead(entry("READ", file));
        return assignments.history(file.id());
    }

    /**
     * The latest score of each instrument on the case, newest first, as assessment-service announced them. Read
     * as a part of the case (same 404) and audited as a read of its scores.
     */
    // No transaction: nothing to commit, and no row locks held while the audit appender seals the record.
    public List<CaseScore> latestScores(UUID id) {
        CaseFile file = worked(id);
        audit.recordRead(new AuditEntry("READ", "case-score", file.id().toString(), file.clientId().toString(), null));
        return scores.ofCase(file.tenantId(), file.id());
    }

    /** The case, if the caller may read it (404 otherwise); for reads of a case's parts (notes, care plan). */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseFile workedCase(UUID id) {
        return worked(id);
    }

    /** The case, if the caller may change it: 404 as for reading, 403 when only break-glass reaches it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseFile changeableCase(UUID id) {
        return changeable(id);
    }

    private CaseFile worked(UUID id) {
        CaseFile file = find(id);
        CaseAccess.requireRead(access.reach(file), "Case");
        return file;
    }

    private CaseFile changeable(UUID id) {
        CaseFile file = find(id);
        CaseAccess.requireChange(access.reach(file), "Case");
        return file;
    }

    private CaseFile find(UUID id) {
        return cases.findInTenant(caller.tenant(), id).orElseThrow(() -> ProblemException.notFound("Case"));
    }

    /** Other services keep their own copy of who may see a case: they get the whole of it after every change. */
    private void accessChanged(CaseFile file) {
        events.append("case", file.id().toString(), file.tenantId(), CaseAccessChangedV1.TYPE, new CaseAccessChangedV1(
                file.id(), file.clientId(), file.assignee().subject(), file.team(), file.status().code()));
    }

    private static AuditEntry entry(String action, CaseFile file) {
        return new AuditEntry(action, "case", file.id().toString(), file.clientId().toString(), null);
    }
}
