package app.trellis.assessment.service;

import app.trellis.assessment.domain.InstrumentVersion;
import app.trellis.assessment.domain.instrument.CompiledInstrument;
import app.trellis.assessment.domain.instrument.InstrumentVersionStatus;
import jakarta.enterprise.context.ApplicationScoped;
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

    public CompiledInstrument of(InstrumentVersion version) {
        if (version.status() == InstrumentVersionStatus.DRAFT) {
            return CompiledInstrument.compile(version.definition());
        }
        return frozen.computeIfAbsent(version.id(), id -> CompiledInstrument.compile(version.definition()));
    }
}
