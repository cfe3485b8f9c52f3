package app.trellis.cases.service;

import app.trellis.cases.domain.CareGoal;
import app.trellis.cases.domain.CareTask;
import app.trellis.cases.domain.CaseFile;
import app.trellis.cases.repository.CarePlanRepository;
import app.trellis.platform.audit.AuditEntry;
import app.trellis.platform.audit.AuditTrail;
import app.trellis.platform.concurrency.ETags;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Care-plan goals and tasks of a case; overdue is judged against the service clock (UTC dates). */
@ApplicationScoped
public class CarePlans {

    @Inject
    CarePlanRepository plans;
    @Inject
    CaseManagement cases;
    @Inject
    AuditTrail audit;
    @Inject
    Caller caller;
    @Inject
    StaffDirectory staff;
    @Inject
    Clock clock;

    @Transactional
    public CareGoal setGoal(UUID caseId, String description, LocalDate targetDate) {
        CaseFile onCase = cases.changeableCase(caseId);
        CareGoal goal = CareGoal.set(onCase, description, targetDate, clock.instant());
        plans.persistGoal(goal);
        plans.flush();
        audit.recordWrite(entry("CREATE", "goal", goal.id(), onCase));
        return goal;
    }

    @Transactional
    public CareGoal reviseGoal(UUID caseId, UUID goalId, String ifMatch, String description, LocalDate targetDate,
                               String status) {
        CaseFile onCase = cases.changeableCase(caseId);
        CareGoal goal = plans.goal(caseId, goalId).orElseThrow(() -> ProblemException.notFound("Goal"));
        ETags.requireMatch(ifMatch, goal.version());
        goal.revise(description, targetDate, status, clock.instant());
        plans.flush();
        audit.recordWrite(entry("UPDATE", "goal", goal.id(), onCase));
        return goal;
    }

    @Transactional
    public List<CareGoal> goals(UUID caseId) {
        CaseFile onCase = cases.workedCase(caseId);
        audit.recordRead(entry("READ", "goals", onCase.id(), onCase));
        return plans.goals(caseId);
    }

    @Transactional
    public CareTask planTask(UUID caseId, UUID goalId, String title, String assignee, LocalDate dueDate) {
        CaseFile onCase = cases.changeableCase(caseId);
        if (goalId != null && plans.goal(caseId, goalId).isEmpty()) {
            throw ProblemException.badRequest("goalId", "is not a goal of this case");
        }
        CareTask task = CareTask.plan(onCase, goalId, title, assignee == null ? caller.person() : staff.person(onCase.tenantId(), assignee), dueDate,
                clock.instant());
        plans.persist(task);
        plans.flush();
        audit.recordWrite(entry("CREATE", "task", task.id(), onCase));
        return task;
    }

    @Transactional
    public CareTask reviseTask(UUID caseId, UUID taskId, String ifMatch, String title, String assignee,
                               LocalDate dueDate, String status) {
        CaseFile onCase = cases.changeableCase(caseId);
        CareTask task = plans.task(caseId, taskId).orElseThrow(() -> ProblemException.notFound("Task"));
        ETags.requireMatch(ifMatch, task.version());
        task.revise(title, assignee == null ? task.assignee() : staff.person(onCase.tenantId(), assignee), dueDate, status,
                clock.instant());
        plans.flush();
        audit.recordWrite(entry("UPDATE", "task", task.id(), onCase));
        return task;
    }

    @Transactional
    public List<CareTask> tasks(UUID caseId) {
        CaseFile onCase = cases.workedCase(caseId);
        audit.recordRead(entry("READ", "tasks", onCase.id(), onCase));
        return plans.tasks(caseId);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private static AuditEntry entry(String action, String type, UUID id, CaseFile onCase) {
        return new AuditEntry(action, type, id.toString(), onCase.clientId().toString(), null);
    }
}
