package app.trellis.cases.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Bodies of the case endpoints. */
public final class CaseRequests {

    private CaseRequests() {
    }

    /** {@code POST /api/v1/cases}: {@code assignee} is a person's id (token subject); {@code status} is {@code referred} (default) or {@code open}. */
    public record Open(@NotNull UUID clientId, @NotBlank @Size(max = 40) String program,
                       @NotBlank @Size(max = 255) String assignee, @Size(max = 100) String team,
                       @Pattern(regexp = "referred|open", message = "must be referred or open") String status) {
    }

    /** {@code POST /api/v1/cases/{id}/status}: closing needs a reason. */
    public record StatusChange(@NotBlank @Pattern(regexp = CaseStatusCodes.PATTERN, message = "must be one of referred, open, on-hold, closed") String status,
                               @Size(max = 500) String reason) {
    }

    /**
     * {@code POST /api/v1/cases/{id}/assignment}: {@code assignee} is the person's id (their token subject, as
     * {@code assignee.id} shows it), never a user name, which can be renamed or reused.
     */
    public record Assignment(@NotBlank @Size(max = 255) String assignee, @Size(max = 100) String team) {
    }
}
