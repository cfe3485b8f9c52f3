package app.trellis.platform.audit;

/**
 * What is audited about one access to PHI. Who, tenant, when and the request id are added by the trail.
 *
 * @param action       e.g. {@code READ}, {@code CREATE}, {@code UPDATE}, {@code BREAK_GLASS}
 * @param resourceType e.g. {@code client}, {@code case}
 * @param resourceId   the record touched
 * @param clientId     the person the record is about, when known (what auditors search by)
 * @param purpose      why: the purpose of use or a break-glass reason; never PHI
 */
public record AuditEntry(String action, String resourceType, String resourceId, String clientId, String purpose) {
}
