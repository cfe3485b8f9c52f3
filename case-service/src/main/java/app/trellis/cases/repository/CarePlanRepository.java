package app.trellis.cases.repository;

import app.trellis.cases.domain.CareGoal;
import app.trellis.cases.domain.CareTask;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Goals and tasks of care plans. */
@ApplicationScoped
public class CarePlanRepository implements PanacheRepositoryBase<CareTask, UUID> {

    @Inject
    GoalStore goals;

    /** Goals share the repository's session; a tiny store keeps their queries apart. */
    @ApplicationScoped
    public static class GoalStore implements PanacheRepositoryBase<CareGoal, UUID> {
    }

    public List<CareGoal> goals(UUID caseId) {
        return goals.list("caseId", Sort.by("createdAt").and("id"), caseId);
    }

    public Optional<CareGoal> goal(UUID caseId, UUID goalId) {
        return goals.find("id = ?1 and caseId = ?2", goalId, caseId).firstResultOptional();
    }

    public void persistGoal(CareGoal goal) {
        goals.persist(goal);
    }

    public List<CareTask> tasks(UUID caseId) {
        return list("caseId", Sort.by("dueDate").and("id"), caseId);
    }

    public Optional<CareTask> task(UUID caseId, UUID taskId) {
        return find("id = ?1 and caseId = ?2", taskId, caseId).firstResultOptional();
    }

    public long openTasks(UUID caseId) {
        return count("caseId = ?1 and status = 'open'", caseId);
    }

    /** Open tasks that have fallen due and were not announced yet, oldest first. */
    public List<CareTask> dueUnannounced(LocalDate today, int limit) {
        return find("status = 'open' and dueNotified = false and dueDate <= ?1", Sort.by("dueDate").and("id"), today)
                .page(0, limit).list();
    }
}
