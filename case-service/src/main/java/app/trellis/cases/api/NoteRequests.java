package app.trellis.cases.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Bodies of the note endpoints. */
public final class NoteRequests {

    private NoteRequests() {
    }

    /** {@code POST /api/v1/cases/{id}/notes}. */
    public record Note(@NotBlank @Pattern(regexp = "contact|visit|phone|collateral",
                               message = "must be contact, visit, phone or collateral") String type,
                       @NotNull Instant occurredAt, @NotBlank @Size(max = 20000) String text) {
    }

    /** {@code POST .../notes/{noteId}/addenda}. */
    public record Addendum(@NotBlank @Size(max = 20000) String text) {
    }

    /** {@code POST .../notes/{noteId}/entered-in-error}. */
    public record EnteredInError(@NotBlank @Size(max = 500) String reason) {
    }
}
