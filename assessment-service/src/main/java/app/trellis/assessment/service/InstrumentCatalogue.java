package app.trellis.assessment.service;

import app.trellis.assessment.domain.Instrument;
import app.trellis.assessment.repository.InstrumentRepository;
import app.trellis.platform.paging.Cursor;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Reading the instrument catalogue; authoring and publishing come with the assessment issue. */
@ApplicationScoped
public class InstrumentCatalogue {

    @Inject
    InstrumentRepository instruments;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Instrument> instruments(String tenantId, PageRequest page) {
        return page.toPage(instruments.page(tenantId, page), i -> Cursor.of(i.code(), i.id().toString()));
    }
}
