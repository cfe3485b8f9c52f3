package app.trellis.platform.contracts;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code app.trellis.careplan.task-due.v1}, subject {@code case/<caseId>}: an open care-plan task reached
 * its due date (announced once per due date). The title stays in case-service.
 */
public record TaskDueV1(UUID taskId, UUID caseId, String assignee, LocalDate dueDate) {
    public static final String TYPE = "app.trellis.careplan.task-due.v1";
}
