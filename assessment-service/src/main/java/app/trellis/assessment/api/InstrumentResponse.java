package app.trellis.assessment.api;

import app.trellis.assessment.domain.Instrument;
import java.time.Instant;
import java.util.UUID;

/** An instrument of the catalogue; {@code shared} marks the library every tenant sees. */
public record InstrumentResponse(UUID id, String code, String title, boolean shared, Instant createdAt) {

    static InstrumentResponse from(Instrument instrument) {
        return new InstrumentResponse(instrument.id(), instrument.code(), instrument.title(), instrument.shared(),
                instrument.createdAt());
    }
}
