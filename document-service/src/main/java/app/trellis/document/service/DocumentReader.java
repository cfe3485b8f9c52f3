package app.trellis.document.service;

import app.trellis.document.config.DocumentsConfig;
import app.trellis.document.domain.Document;
import app.trellis.document.domain.DocumentVersion;
import app.trellis.document.domain.ScanState;
import app.trellis.document.event.CaseAccessRecorder;
import app.trellis.document.repository.DocumentRepository;
import app.trellis.document.repository.DocumentVersionRepository;
import app.trellis.platform.access.Viewer;
import app.trellis.platform.audit.AuditTrail;
import app.trellis.platform.paging.Cursor;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reading documents: metadata with versions, lists, and content. Every read is audited and answered only once
 * its audit record is durable (a download's before the first byte leaves). Content is served only for a clean
 * scan; quarantined and infected versions are refused.
 */
@ApplicationScoped
public class DocumentReader {

    @Inject
    DocumentRepository documents;
    @Inject
    DocumentVersionRepository versions;
    @Inject
    DocumentAccess access;
    @Inject
    CaseAccessRecorder copy;
    @Inject
    ObjectStore store;
    @Inject
    AuditTrail audit;
    @Inject
    DocumentsConfig config;
    @Inject
    Caller caller;

    /** A document with its versions, oldest first, and its title opened. */
    public record Described(Document document, String title, List<DocumentVersion> versions) {
    }

    /** Where content comes from: a stream of the bytes, or a presigned URL to them. */
    public record Content(DocumentVersion version, String downloadName, InputStream bytes, URL redirect) {
    }

    public Described document(UUID id) {
        Described described = describe(access.seen(id));
        audit.recordRead(DocumentAccess.entry("READ", described.document()));
        return described;
    }

    /** A document the caller just wrote, described for the response; that write's audit record covers it. */
    public Described describe(Document document) {
        return new Described(document, access.title(document), versions.of(document.id()));
    }

    /** Active documents the caller sees, newest first, each with its versions. */
    public Page<Described> list(UUID clientId, UUID caseId, String category, PageRequest page) {
        Viewer viewer = access.viewer();
        var filter = new DocumentRepository.Filter(caller.tenant(), clientId, caseId, category, copy.filter(viewer),
                copy.clientFilter(viewer, "d.client_id"));
        Page<Document> found = page.toPage(documents.list(filter, page),
                d -> Cursor.of(d.createdAt().toString(), d.id().toString()));
        Map<UUID, List<DocumentVersion>> byDocument = versions.of(found.items().stream().map(Document::id).toList())
                .stream().collect(Collectors.groupingBy(DocumentVersion::documentId));
        audit.recordReads(found.items().stream().map(d -> DocumentAccess.entry("SEARCH", d)).toList());
        return found.map(d -> new Described(d, access.title(d), byDocument.getOrDefault(d.id(), List.of())));
    }

    /** The content of a version (the newest when {@code versionNo} is null), streamed or as a presigned URL. */
    public Content content(UUID id, Integer versionNo, boolean redirect) {
        Document document = access.seen(id);
        int number = versionNo == null ? document.currentVersion() : versionNo;
        DocumentVersion version = versions.version(id, number)
                .orElseThrow(() -> ProblemException.notFound("Document version"));
        if (version.scanState() == ScanState.PENDING_SCAN) {
            throw ProblemException.conflict("document-pending-scan",
                    "This version is in quarantine until its malware scan finishes; try again shortly");
        }
        if (version.scanState() == ScanState.INFECTED) {
            throw ProblemException.conflict("document-infected", "This version failed its malware scan and is never served");
        }
        audit.recordRead(DocumentAccess.entry("DOWNLOAD", document));
        String name = downloadName(document, version);
        return redirect ? new Content(version, name, null, store.presignGet(version.objectKey(), name,
                config.downloadUrlExpiry())) : new Content(version, name, store.get(version.objectKey()), null);
    }

    // The original file name may hold PHI and would travel in headers and browser histories.
    private static String downloadName(Document document, DocumentVersion version) {
        String extension = switch (version.contentType()) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/tiff" -> ".tiff";
            case "text/plain" -> ".txt";
            default -> ".docx";
        };
        return "document-" + document.id() + "-v" + version.versionNo() + extension;
    }
}
