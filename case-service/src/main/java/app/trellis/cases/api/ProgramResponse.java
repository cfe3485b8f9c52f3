package app.trellis.cases.api;

import app.trellis.cases.domain.Program;
import java.time.Instant;
import java.util.UUID;

/** A program as the API shows it; its version travels as the ETag header, not in the body. */
public record ProgramResponse(UUID id, String code, String name, String description, boolean active,
                              Instant createdAt, Instant updatedAt) {

    static ProgramResponse from(Program program) {
        return new ProgramResponse(program.id(), program.code(), program.name(), program.description(),
                program.active(), program.createdAt(), program.updatedAt());
    }
}
