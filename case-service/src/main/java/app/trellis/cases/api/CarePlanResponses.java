package app.trellis.cases.api;

import app.trellis.cases.domain.CareGoal;
import app.trellis.cases.domain.CareTask;
import app.trellis.platform.security.PersonRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Goals and tasks as the API shows them; {@code overdue} is computed for today. */
public final class CarePlanResponses {

    private CarePlanResponses() {
    }

    public record Goal(UUID id, String description, LocalDate targetDate, String status, Instant createdAt,
                       Instant updatedAt) {
        static Goal from(CareGoal g) {
            return new Goal(g.id(), g.description(), g.targetDate(), g.status(), g.createdAt(), g.updatedAt());
        }
    }

    public record Task(UUID id, UUID goalId, String title, PersonRef assignee, LocalDate dueDate, String status,
                       boolean overdue, Instant completedAt, Instant createdAt, Instant updatedAt) {
        static Task from(CareTask t, LocalDate today) {
            return new Task(t.id(), t.goalId(), t.title(), PersonRef.of(t.assignee()), t.dueDate(), t.status(), t.overdueOn(today),
                    t.completedAt(), t.createdAt(), t.updatedAt());
        }
    }
}
