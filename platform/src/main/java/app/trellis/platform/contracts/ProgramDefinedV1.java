package app.trellis.platform.contracts;

import java.util.UUID;

/**
 * {@code app.trellis.program.defined.v1}, subject {@code program/<programId>}: a tenant added a
 * program to its list. Published by case-service.
 *
 * @param programId the program
 * @param code      its stable, tenant-unique code
 * @param active    whether new cases may be opened in it
 */
public record ProgramDefinedV1(UUID programId, String code, boolean active) {
    public static final String TYPE = "app.trellis.program.defined.v1";
}
