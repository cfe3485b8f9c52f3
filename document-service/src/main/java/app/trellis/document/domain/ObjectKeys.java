package app.trellis.document.domain;

import java.util.UUID;

/**
 * Where bytes live in the bucket: {@code tenant/<tenant>/client/<client>/<document>/<version id>}, so one tenant's or
 * one client's objects can be found (and, by IAM, fenced) by prefix. Presigned uploads land under the tenant's
 * staging prefix until they are checked.
 */
public final class ObjectKeys {

    private ObjectKeys() {
    }

    public static String tenantPrefix(String tenant) {
        return "tenant/" + tenant + "/";
    }

    public static String clientPrefix(String tenant, UUID clientId) {
        return tenantPrefix(tenant) + "client/" + clientId + "/";
    }

    /** A version is named by its id, not its number: two uploads racing for the next number never share a key. */
    public static String version(String tenant, UUID clientId, UUID documentId, UUID versionId) {
        return clientPrefix(tenant, clientId) + documentId + "/" + versionId;
    }

    public static String staging(String tenant, UUID uploadId) {
        return tenantPrefix(tenant) + "uploads/" + uploadId;
    }
}
