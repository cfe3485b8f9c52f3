package app.trellis.assessment.service;

import app.trellis.assessment.domain.instrument.InstrumentDefinition;
import app.trellis.assessment.domain.instrument.InstrumentJson;
import app.trellis.assessment.domain.instrument.InstrumentLibrary;
import app.trellis.assessment.repository.InstrumentRepository;
import app.trellis.assessment.repository.InstrumentVersionRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Seeds the shared library (PHQ-9, GAD-7, the functional screen) as published versions at start-up. Ids are
 * derived from the instrument's name and the version's canonical URL, and rows are inserted only when absent,
 * so every instance and every restart may run it. A seed whose definition changes must get a new version
 * label: an existing published version is never rewritten.
 */
@ApplicationScoped
public class SharedLibrary {

    @Inject
    InstrumentRepository instruments;
    @Inject
    InstrumentVersionRepository versions;
    @Inject
    Clock clock;

    // After RuntimeGrants (priority 1): the runtime user can only write rows once its grants are in place.
    @Transactional
    void seed(@Observes @Priority(10) StartupEvent start) {
        Instant now = clock.instant();
        for (InstrumentDefinition definition : InstrumentLibrary.definitions()) {
            UUID instrumentId = instrumentId(definition.name());
            instruments.insertLibraryInstrument(instrumentId, definition.name(), definition.title(), now);
            versions.insertLibraryVersion(versionId(definition.canonical()), instrumentId, definition.version(),
                    definition.url(), InstrumentJson.writeString(definition), now);
        }
    }

    /** The shared instrument's id, the same in every environment. */
    public static UUID instrumentId(String name) {
        return UUID.nameUUIDFromBytes(("trellis-library:" + name).getBytes(StandardCharsets.UTF_8));
    }

    public static UUID versionId(String canonical) {
        return UUID.nameUUIDFromBytes(("trellis-library:" + canonical).getBytes(StandardCharsets.UTF_8));
    }
}
