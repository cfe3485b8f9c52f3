package app.trellis.document.service;

import app.trellis.document.domain.Document;
import app.trellis.document.repository.DocumentRepository;
import app.trellis.platform.paging.Cursor;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** Finding documents; upload, versions and download arrive with the document issue. */
@ApplicationScoped
public class DocumentLibrary {

    @Inject
    DocumentRepository documents;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Document> documents(String tenantId, Optional<UUID> caseId, PageRequest page) {
        return page.toPage(documents.page(tenantId, caseId, page),
                d -> Cursor.of(d.createdAt().toString(), d.id().toString()));
    }
}
