package app.trellis.cases.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** Bodies of the care-plan endpoints. */
public final class CarePlanRequests {

    private CarePlanRequests() {
    }

    /** A goal; {@code status} (on PUT) is active, achieved or discontinued. */
    public record Goal(@NotBlank @Size(max = 2000) String description, LocalDate targetDate,
                       @Pattern(regexp = "active|achieved|discontinued", message = "must be active, achieved or discontinued") String status) {
    }

    /** A task; {@code assignee} (a person's id, their token subject) defaults to the caller, {@code status} (on PUT) is open, done or cancelled. */
    public record Task(@NotBlank @Size(max = 300) String title, @Size(max = 255) String assignee,
                       @NotNull LocalDate dueDate, UUID goalId,
                       @Pattern(regexp = "open|done|cancelled", message = "must be open, done or cancelled") String status) {
    }
}
