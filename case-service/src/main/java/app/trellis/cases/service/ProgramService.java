package app.trellis.cases.service;

import app.trellis.cases.domain.Program;
import app.trellis.cases.repository.ProgramRepository;
import app.trellis.platform.concurrency.ETags;
import app.trellis.platform.contracts.ProgramDefinedV1;
import app.trellis.platform.contracts.ProgramRevisedV1;
import app.trellis.platform.event.OutboxWriter;
import app.trellis.platform.paging.Cursor;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Use cases of a tenant's program list. */
@ApplicationScoped
public class ProgramService {

    @Inject
    ProgramRepository programs;
    @Inject
    Clock clock;
    @Inject
    OutboxWriter events;

    @Transactional
    public Program defineProgram(String tenantId, String code, String name, String description) {
        if (programs.codeTaken(tenantId, code)) {
            throw ProblemException.conflict("program-code-taken", "The tenant already has a program with this code");
        }
        Program program = Program.define(tenantId, code, name, description, clock.instant());
        programs.persist(program);
        programs.flush();
        events.append("program", program.id().toString(), tenantId, ProgramDefinedV1.TYPE,
                new ProgramDefinedV1(program.id(), program.code(), program.active()));
        return program;
    }

    /** {@code ifMatch} is the caller's ETag; a concurrent writer that got there first makes this fail with 412. */
    @Transactional
    public Program reviseProgram(String tenantId, UUID id, String ifMatch, String name, String description,
                                 boolean active) {
        Program program = program(tenantId, id);
        ETags.requireMatch(ifMatch, program.version());
        program.revise(name, description, active, clock.instant());
        programs.flush();
        events.append("program", program.id().toString(), tenantId, ProgramRevisedV1.TYPE,
                new ProgramRevisedV1(program.id(), program.code(), program.active()));
        return program;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Program program(String tenantId, UUID id) {
        return programs.findInTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("Program"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Program> programs(String tenantId, PageRequest page) {
        return page.toPage(programs.page(tenantId, page), program -> Cursor.of(program.code()));
    }
}
