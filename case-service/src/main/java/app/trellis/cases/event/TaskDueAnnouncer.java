package app.trellis.cases.event;

import app.trellis.cases.repository.CarePlanRepository;
import app.trellis.platform.contracts.TaskDueV1;
import app.trellis.platform.event.OutboxWriter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Announces each open task once when it falls due (careplan.task-due), for reminders and reports. */
@ApplicationScoped
public class TaskDueAnnouncer {

    private static final int BATCH = 500;

    @Inject
    CarePlanRepository plans;
    @Inject
    OutboxWriter events;
    @Inject
    Clock clock;

    @Scheduled(every = "${trellis.care-plan.due-check:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        announceDueTasks();
    }

    /**
     * Returns how many tasks were announced. Safe on every instance at once: each claims its own tasks (see
     * {@link CarePlanRepository#claimDueUnannounced}), and the marker leaves the tasks' versions (ETags) alone.
     */
    @Transactional
    public int announceDueTasks() {
        List<CarePlanRepository.DueTask> due = plans.claimDueUnannounced(LocalDate.now(clock), BATCH);
        for (CarePlanRepository.DueTask task : due) {
            events.append("case", task.caseId().toString(), task.tenantId(), TaskDueV1.TYPE,
                    new TaskDueV1(task.id(), task.caseId(), task.assignee(), task.dueDate()));
        }
        return due.size();
    }
}
