package app.trellis.document.service;

import app.trellis.document.config.DocumentsConfig;
import app.trellis.document.domain.Document;
import app.trellis.document.domain.DocumentCategory;
import app.trellis.document.domain.ObjectKeys;
import app.trellis.document.domain.StoredContent;
import app.trellis.document.domain.UploadSession;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Filing documents and versions, through the service or straight to S3 with a presigned PUT. Either way the
 * bytes are checked (size, type from the bytes, SHA-256) before a document exists, and a refused file leaves
 * nothing behind: the object is removed and no row was written. New content starts in quarantine
 * ({@code pending-scan}) until the scan worker gives its verdict.
 */
@ApplicationScoped
public class DocumentFiling {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int TITLE_MAX = 300;

    @Inject
    DocumentAccess access;
    @Inject
    DocumentRecords records;
    @Inject
    ContentInspector inspector;
    @Inject
    ObjectStore store;
    @Inject
    DocumentsConfig config;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /** What the caller says a new document is. */
    public record NewDocument(UUID clientId, UUID caseId, DocumentCategory category, String title) {
    }

    /** A presigned upload: where to PUT, with which content type, until when. */
    public record PresignedUpload(UploadSession session, URL url, Instant expiresAt) {
    }

    public Document file(NewDocument document, Incoming content) {
        String tenant = caller.tenant();
        String title = title(document.title());
        access.requireFilingPlace(document.clientId(), document.caseId());
        UUID id = UUID.randomUUID();
        UUID versionId = UUID.randomUUID();
        StoredContent stored = receive(content, ObjectKeys.version(tenant, document.clientId(), id, versionId), tenant, id);
        try {
            return records.file(id, versionId, new DocumentRecords.Filing(document.clientId(), document.caseId(),
                    document.category(), access.sealTitle(tenant, id, title)), stored);
        } catch (RuntimeException e) {
            store.deleteQuietly(stored.objectKey());
            throw e;
        }
    }

    public Document addVersion(UUID id, String ifMatch, Incoming content) {
        Document document = access.seen(id);
        UUID versionId = UUID.randomUUID();
        StoredContent stored = receive(content, ObjectKeys.version(document.tenantId(), document.clientId(), id, versionId),
                document.tenantId(), id);
        try {
            return records.addVersion(id, versionId, ifMatch, stored);
        } catch (RuntimeException e) {
            store.deleteQuietly(stored.objectKey());
            throw e;
        }
    }

    /**
     * Opens a presigned upload of a new document ({@code documentId} null) or of a new version. The promise is
     * checked as far as it can be before any byte arrives: allowed type, size within the direct limit, a SHA-256.
     */
    public PresignedUpload openUpload(NewDocument document, UUID documentId, String contentType, long size, String sha256) {
        String tenant = caller.tenant();
        String type = ContentInspector.normalise(contentType);
        inspector.requireAllowed(type);
        if (size <= 0) {
            throw ProblemException.badRequest("sizeBytes", "must be positive");
        }
        if (size > config.maxDirectUploadSize().asLongValue()) {
            throw tooLarge(config.maxDirectUploadSize().asLongValue());
        }
        String checksum = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(checksum).matches()) {
            throw ProblemException.badRequest("sha256", "must be the hex SHA-256 of the file (64 characters)");
        }
        UUID id = UUID.randomUUID();
        UploadSession.Promise promise;
        String sealedTitle = null;
        if (documentId != null) {
            Document existing = access.seen(documentId);
            promise = new UploadSession.Promise(existing.clientId(), existing.caseId(), documentId, existing.category(),
                    type, size, checksum);
        } else {
            String title = title(document.title());
            access.requireFilingPlace(document.clientId(), document.caseId());
            promise = new UploadSession.Promise(document.clientId(), document.caseId(), null, document.category(), type,
                    size, checksum);
            sealedTitle = access.sealTitle(tenant, id, title);
        }
        Instant now = clock.instant();
        Instant expires = now.plus(config.uploadUrlExpiry());
        UploadSession session = records.openUpload(UploadSession.open(id, tenant, promise, sealedTitle, caller.person(),
                now, expires));
        return new PresignedUpload(session, store.presignPut(session.stagingKey(), type, config.uploadUrlExpiry()), expires);
    }

    /**
     * Checks what arrived at the staging key against the promise (size, type from the bytes, SHA-256) and only
     * then files it. A missing object is 409 and the session stays open for another try; any other refusal ends
     * the session and removes the staging object.
     */
    public Document completeUpload(UUID sessionId) {
        UploadSession session = records.pendingUpload(sessionId);
        String staging = session.stagingKey();
        // A PUT that started just before the URL expired may finish after it: completion gets one more period.
        if (clock.instant().isAfter(session.expiresAt().plus(config.uploadUrlExpiry()))) {
            refuse(session);
            throw ProblemException.conflict("upload-expired", "The upload expired; start a new one");
        }
        long size = store.size(staging);
        if (size < 0) {
            throw ProblemException.conflict("upload-missing", "Nothing has been uploaded to the presigned URL yet");
        }
        UUID documentId = session.documentId() != null ? session.documentId() : session.id();
        UUID versionId = UUID.randomUUID();
        String key = ObjectKeys.version(session.tenantId(), session.clientId(), documentId, versionId);
        StoredContent stored;
        try {
            if (size != session.sizeBytes()) {
                throw new ProblemException(400, "size-mismatch", "Size does not match",
                        "The upload promised " + session.sizeBytes() + " bytes but " + size + " arrived");
            }
            if (session.documentId() == null) {
                access.requireFilingPlace(session.clientId(), session.caseId());
            } else {
                access.seen(session.documentId());
            }
            String type = inspector.inspect(new ContentInspector.Source() {
                @Override
                public InputStream open() {
                    return store.get(staging);
                }

                @Override
                public InputStream openStart() {
                    return store.head(staging, ContentInspector.SNIFF_BYTES);
                }
            }, session.contentType());
            String sha = store.sha256Of(staging);
            if (!sha.equals(session.sha256())) {
                throw new ProblemException(400, "checksum-mismatch", "Checksum does not match",
                        "The SHA-256 of what arrived is not the one the upload promised");
            }
            store.copy(staging, key);
            stored = new StoredContent(key, type, size, sha, null);
        } catch (RuntimeException e) {
            refuse(session);
            throw e;
        }
        store.deleteQuietly(staging);
        try {
            return records.completeUpload(sessionId, versionId, stored);
        } catch (RuntimeException e) {
            store.deleteQuietly(key);
            throw e;
        }
    }

    private void refuse(UploadSession session) {
        store.deleteQuietly(session.stagingKey());
        records.discardUpload(session.id());
    }

    /** Size, type and checksum checks, then the bytes go to S3 with their SHA-256 computed on the way. */
    private StoredContent receive(Incoming content, String key, String tenant, UUID documentId) {
        long max = config.maxUploadSize().asLongValue();
        if (content.size() > max) {
            throw tooLarge(max);
        }
        if (content.size() == 0) {
            throw ProblemException.badRequest("file", "is empty");
        }
        String type = inspector.inspect(() -> Files.newInputStream(content.file()), content.declaredType());
        String sha = store.put(key, content.file(), content.size(), type);
        if (content.expectedSha256() != null && !content.expectedSha256().equalsIgnoreCase(sha)) {
            store.deleteQuietly(key);
            throw new ProblemException(400, "checksum-mismatch", "Checksum does not match",
                    "The SHA-256 of the bytes received is not the one sent with them");
        }
        return new StoredContent(key, type, content.size(), sha, access.sealFileName(tenant, documentId, content.fileName()));
    }

    private static String title(String title) {
        if (title == null || title.isBlank()) {
            throw ProblemException.badRequest("title", "is required");
        }
        if (title.length() > TITLE_MAX) {
            throw ProblemException.badRequest("title", "is longer than " + TITLE_MAX + " characters");
        }
        return title.strip();
    }

    private static ProblemException tooLarge(long max) {
        return new ProblemException(413, "document-too-large", "Document too large",
                "Files up to " + max + " bytes are accepted here; larger ones take a presigned upload");
    }
}
