package app.trellis.assessment.service;

import app.trellis.assessment.domain.Instrument;
import app.trellis.assessment.domain.InstrumentVersion;
import app.trellis.assessment.repository.InstrumentRepository;
import app.trellis.assessment.repository.InstrumentVersionRepository;
import app.trellis.platform.paging.Cursor;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Reading the instrument catalogue: a tenant sees its own instruments and the shared library, never another
 * tenant's (404). Definitions hold no PHI, so reads are not audited.
 */
@ApplicationScoped
public class InstrumentCatalogue {

    @Inject
    InstrumentRepository instruments;
    @Inject
    InstrumentVersionRepository versions;
    @Inject
    Caller caller;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Instrument> instruments(String tenantId, PageRequest page) {
        return page.toPage(instruments.page(tenantId, page), i -> Cursor.of(i.code(), i.id().toString()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Instrument instrument(UUID id) {
        return instruments.visible(caller.tenant(), id).orElseThrow(() -> ProblemException.notFound("Instrument"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InstrumentVersion> versions(UUID instrumentId, PageRequest page) {
        Instrument instrument = instrument(instrumentId);
        return page.toPage(versions.page(instrument.id(), page),
                v -> Cursor.of(v.createdAt().toString(), v.id().toString()));
    }

    /** A version the caller's tenant can see, by its id alone (an idempotent replay knows only that). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public InstrumentVersion version(UUID versionId) {
        return versions.visible(caller.tenant(), versionId).orElseThrow(() -> ProblemException.notFound("Instrument version"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InstrumentVersion version(UUID instrumentId, UUID versionId) {
        Instrument instrument = instrument(instrumentId);
        return versions.of(instrument.id(), versionId).orElseThrow(() -> ProblemException.notFound("Instrument version"));
    }
}
