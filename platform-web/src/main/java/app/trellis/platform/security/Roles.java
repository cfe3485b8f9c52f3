package app.trellis.platform.security;

/** Realm roles as they arrive in {@code realm_access.roles}; the names used in {@code @RolesAllowed}. */
public final class Roles {
    public static final String CASE_MANAGER = "case-manager";
    public static final String SUPERVISOR = "supervisor";
    public static final String ASSESSOR = "assessor";
    public static final String AUDITOR = "auditor";
    public static final String TENANT_ADMIN = "tenant-admin";

    /** Partner and consumer scopes, granted as roles of the same name by {@link ScopesAsRoles}. */
    public static final String SCOPE_FEED_READ = "feed.read";
    public static final String SCOPE_CLIENTS_READ = "system/clients.read";
    public static final String SCOPE_CASES_READ = "system/cases.read";
    public static final String SCOPE_CASES_WRITE = "system/cases.write";
    public static final String SCOPE_ASSESSMENTS_READ = "system/assessments.read";
    public static final String SCOPE_ASSESSMENTS_WRITE = "system/assessments.write";
    public static final String SCOPE_DOCUMENTS_READ = "system/documents.read";

    private Roles() {
    }
}
