package app.trellis.assessment.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/** Request bodies of {@code /api/v1/schedules}. Days are whole UTC days. */
public final class ScheduleRequests {

    /** How many days before its due date an occurrence counts as due when a rule does not say. */
    public static final int DEFAULT_WINDOW_DAYS = 14;

    private ScheduleRequests() {
    }

    /**
     * A schedule for the cases of {@code program} (case-service's program code): take {@code instrumentId} within
     * {@code firstWithinDays} of the case opening, then every {@code repeatEveryDays} after the last submission
     * (absent: only once), until the case closes. Each is due from {@code windowDays} (default 14) before its due
     * date and overdue from the day after.
     */
    public record Create(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "must be 2-40 lowercase letters, digits or dashes")
            String program,
            @NotNull UUID instrumentId,
            @NotNull @Min(0) @Max(3650) Integer firstWithinDays,
            @Min(1) @Max(3650) Integer repeatEveryDays,
            @Min(0) @Max(365) Integer windowDays) {
    }

    /**
     * A full replacement of the editable fields (program and instrument never change). New days apply to the
     * occurrences expected from now on; {@code active} false retires the rule and cancels what it still expected,
     * true again applies it to the open cases from today.
     */
    public record Update(
            @NotNull @Min(0) @Max(3650) Integer firstWithinDays,
            @Min(1) @Max(3650) Integer repeatEveryDays,
            @Min(0) @Max(365) Integer windowDays,
            @NotNull Boolean active) {
    }
}
