package app.trellis.assessment.service;

import app.trellis.assessment.domain.InstrumentVersion;
import app.trellis.assessment.domain.instrument.CompiledInstrument;
import app.trellis.assessment.domain.instrument.InstrumentVersionStatus;
import app.trellis.assessment.repository.InstrumentVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled definitions by version id. Only frozen versions are kept: a published (or retired) version never
 * changes, so its compiled form is valid for the life of the process; a draft is compiled afresh each time.
 * The number of versions is small (a catalogue, not per-client data), so the map is not bounded.
 */
@ApplicationScoped
public class CompiledInstruments {

    private final Map<UUID, CompiledInstrument> frozen = new ConcurrentHashMap<>();

    @Inject
    InstrumentVersionRepository versions;

    /**
     * The version an assessment is pinned to, compiled. Assessments are pinned only to published versions, which
     * never change, so after the first use no database read is needed (saves a query and a large row per submit).
     */
    public CompiledInstrument pinned(UUID versionId) {
        CompiledInstrument known = frozen.get(versionId);
        return known != null ? known : of(versions.pinned(versionId));
    }

    public CompiledInstrument of(InstrumentVersion version) {
        if (version.status() == InstrumentVersionStatus.DRAFT) {
            return CompiledInstrument.compile(version.definition());
        }
        return frozen.computeIfAbsent(version.id(), id -> CompiledInstrument.compile(version.definition()));
    }
}
