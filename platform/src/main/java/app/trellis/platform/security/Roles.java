package app.trellis.platform.security;

/** Realm roles as they arrive in {@code realm_access.roles}; the names used in {@code @RolesAllowed}. */
public final class Roles {
    public static final String CASE_MANAGER = "case-manager";
    public static final String SUPERVISOR = "supervisor";
    public static final String ASSESSOR = "assessor";
    public static final String AUDITOR = "auditor";
    public static final String TENANT_ADMIN = "tenant-admin";

    private Roles() {
    }
}
