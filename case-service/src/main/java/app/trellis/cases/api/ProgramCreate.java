package app.trellis.cases.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/programs}. */
public record ProgramCreate(
        /** Stable, tenant-unique handle such as {@code care-coordination}. */
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "must be 2-40 lowercase letters, digits or dashes") String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description) {
}
