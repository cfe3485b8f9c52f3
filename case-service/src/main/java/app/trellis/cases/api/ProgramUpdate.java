package app.trellis.cases.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/v1/programs/{id}}: a full replacement of the editable fields. */
public record ProgramUpdate(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        /** False retires the program: no new cases, existing ones stay. */
        @NotNull Boolean active) {
}
