package app.trellis.platform.contracts;

import java.util.UUID;

/**
 * {@code app.trellis.program.revised.v1}, subject {@code program/<programId>}: a program was renamed,
 * retired or re-activated. Published by case-service.
 *
 * @param programId the program
 * @param code      its code (never changes)
 * @param active    whether new cases may be opened in it
 */
public record ProgramRevisedV1(UUID programId, String code, boolean active) {
    public static final String TYPE = "app.trellis.program.revised.v1";
}
