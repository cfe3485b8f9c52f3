package app.trellis.assessment.service;

import app.trellis.assessment.domain.Instrument;
import app.trellis.assessment.domain.InstrumentVersion;
import app.trellis.assessment.domain.instrument.CompiledInstrument;
import app.trellis.assessment.domain.instrument.InstrumentDefinition;
import app.trellis.assessment.repository.InstrumentRepository;
import app.trellis.assessment.repository.InstrumentVersionRepository;
import app.trellis.platform.audit.AuditEntry;
import app.trellis.platform.audit.AuditTrail;
import app.trellis.platform.concurrency.ETags;
import app.trellis.platform.contracts.InstrumentPublishedV1;
import app.trellis.platform.event.OutboxWriter;
import app.trellis.platform.jdbc.UniqueKeys;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * A tenant administrator authoring the tenant's own instruments: a new instrument with its first draft, further
 * drafts, changing a draft, publishing (frozen from then on) and retiring. The shared library is read-only to
 * tenants (403). Every version of an instrument keeps the instrument's canonical URL and code, and its version
 * label is unique within the instrument, so {@code url|version} names exactly one definition.
 */
@ApplicationScoped
public class InstrumentAuthoring {

    public static final String SHARED_READ_ONLY = "shared-library-read-only";

    @Inject
    InstrumentRepository instruments;
    @Inject
    InstrumentVersionRepository versions;
    @Inject
    InstrumentCatalogue catalogue;
    @Inject
    AuditTrail audit;
    @Inject
    OutboxWriter events;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @Transactional
    public InstrumentVersion createInstrument(InstrumentDefinition definition) {
        CompiledInstrument.compile(definition);
        String tenant = caller.tenant();
        Instrument instrument = Instrument.authored(tenant, definition.name(), definition.title(), clock.instant());
        requireUrlFree(tenant, definition.url(), instrument.id());
        instruments.persist(instrument);
        UniqueKeys.flushOrConflict(instruments.getEntityManager(), "uk_instrument_tenant_code", "instrument-code-taken",
                "The tenant already has an instrument with this name");
        return addDraft(instrument, definition);
    }

    @Transactional
    public InstrumentVersion addVersion(UUID instrumentId, InstrumentDefinition definition) {
        CompiledInstrument.compile(definition);
        Instrument instrument = owned(instrumentId);
        requireSameInstrument(instrument, definition);
        instrument.retitle(definition.title());
        return addDraft(instrument, definition);
    }

    @Transactional
    public InstrumentVersion reviseDraft(UUID instrumentId, UUID versionId, String ifMatch, InstrumentDefinition definition) {
        InstrumentVersion version = ownedVersion(instrumentId, versionId);
        ETags.requireMatch(ifMatch, version.version());
        version.status().requireEditable();
        CompiledInstrument.compile(definition);
        Instrument instrument = owned(instrumentId);
        requireSameInstrument(instrument, definition);
        version.revise(definition);
        flushVersion();
        audit.recordWrite(entry("UPDATE", version));
        return version;
    }

    @Transactional
    public InstrumentVersion publish(UUID instrumentId, UUID versionId, String ifMatch) {
        InstrumentVersion version = move(instrumentId, versionId, ifMatch, "PUBLISH", InstrumentVersion::publish);
        Instrument instrument = owned(instrumentId);
        events.append("instrument", instrument.id().toString(), caller.tenant(), InstrumentPublishedV1.TYPE,
                new InstrumentPublishedV1(instrument.id(), version.id(), instrument.code(), version.canonical()));
        return version;
    }

    @Transactional
    public InstrumentVersion retire(UUID instrumentId, UUID versionId, String ifMatch) {
        return move(instrumentId, versionId, ifMatch, "RETIRE", InstrumentVersion::retire);
    }

    /** One step of the version's lifecycle (the domain refuses any other with 409), audited. */
    private InstrumentVersion move(UUID instrumentId, UUID versionId, String ifMatch, String action,
                                  BiConsumer<InstrumentVersion, Instant> step) {
        InstrumentVersion version = ownedVersion(instrumentId, versionId);
        ETags.requireMatch(ifMatch, version.version());
        step.accept(version, clock.instant());
        versions.flush();
        audit.recordWrite(entry(action, version));
        return version;
    }

    private InstrumentVersion addDraft(Instrument instrument, InstrumentDefinition definition) {
        InstrumentVersion draft = InstrumentVersion.draft(instrument, definition, clock.instant());
        versions.persist(draft);
        flushVersion();
        audit.recordWrite(entry("CREATE", draft));
        return draft;
    }

    private Instrument owned(UUID instrumentId) {
        Instrument instrument = catalogue.instrument(instrumentId);
        if (!instrument.ownedBy(caller.tenant())) {
            throw ProblemException.forbidden(SHARED_READ_ONLY,
                    "The shared library is read-only; add your own instrument to change it");
        }
        return instrument;
    }

    private InstrumentVersion ownedVersion(UUID instrumentId, UUID versionId) {
        owned(instrumentId);
        return catalogue.version(instrumentId, versionId);
    }

    private void requireSameInstrument(Instrument instrument, InstrumentDefinition definition) {
        if (!instrument.code().equals(definition.name())) {
            throw ProblemException.badRequest("name", "must stay " + instrument.code() + " for every version");
        }
        versions.urlOf(instrument.id()).filter(url -> !url.equals(definition.url())).ifPresent(url -> {
            throw ProblemException.badRequest("url", "must stay " + url + " for every version");
        });
    }

    private void requireUrlFree(String tenant, String url, UUID instrumentId) {
        if (versions.urlTakenElsewhere(tenant, url, instrumentId)) {
            throw ProblemException.badRequest("url", "is already the canonical URL of another instrument");
        }
    }

    // The unique key decides (also between two authors at once), so no count query runs before each write.
    private void flushVersion() {
        UniqueKeys.flushOrConflict(versions.getEntityManager(), "uk_instrument_version_label",
                "instrument-version-label-taken", "The instrument already has a version with this label");
    }

    private static AuditEntry entry(String action, InstrumentVersion version) {
        return new AuditEntry(action, "instrument-version", version.id().toString(), null, null);
    }
}
