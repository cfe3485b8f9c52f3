package app.trellis.cases.repository;

import app.trellis.cases.domain.CareGoal;
import app.trellis.cases.domain.CareTask;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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

    /** What a due-task announcement needs of a task. */
    public record DueTask(UUID id, UUID caseId, String tenantId, String assignee, LocalDate dueDate) {
    }

    /**
     * Claims up to {@code limit} open tasks that have fallen due and were not announced yet, oldest first,
     * and marks them announced, in the caller's transaction. The rows are locked with
     * {@code FOR UPDATE SKIP LOCKED}, so another instance claiming at the same time passes them over instead of
     * announcing them again (and sees them announced once this transaction commits). The marker is set with a
     * plain UPDATE that leaves {@code version} alone: announcing a task does not change its ETag. READ COMMITTED
     * (set first, as the outbox claim does) keeps the locking read from locking the gaps of the range it scans,
     * where users plan new tasks.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DueTask> claimDueUnannounced(LocalDate today, int limit) {
        EntityManager em = getEntityManager();
        em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL READ COMMITTED").executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, case_id, tenant_id, assignee, due_date FROM care_task"
                        + " WHERE due_notified = FALSE AND status = 'open' AND due_date <= ?1"
                        + " ORDER BY due_date, id LIMIT " + limit + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, today).getResultList();
        List<DueTask> due = rows.stream().map(r -> new DueTask(UUID.fromString(r[0].toString()),
                UUID.fromString(r[1].toString()), r[2].toString(), r[3].toString(), toDate(r[4]))).toList();
        if (!due.isEmpty()) {
            em.createNativeQuery("UPDATE care_task SET due_notified = TRUE WHERE id IN (:ids)")
                    .setParameter("ids", due.stream().map(t -> t.id().toString()).toList()).executeUpdate();
        }
        return due;
    }

    private static LocalDate toDate(Object column) {
        return column instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) column;
    }
}
