package app.trellis.assessment.api;

import app.trellis.assessment.domain.InstrumentVersion;
import app.trellis.assessment.domain.instrument.InstrumentJson;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One version of an instrument. {@code canonical} ({@code url|version}) is what assessments scored by it name;
 * {@code status} is draft, published or retired; {@code shared} marks the library (read-only to tenants).
 * {@code definition} (the Trellis definition JSON) is only in the response for one version, not in lists.
 */
public record InstrumentVersionResponse(UUID id, UUID instrumentId, String version, String status, String url,
                                        String canonical, boolean shared, Instant createdAt, Instant publishedAt,
                                        Instant retiredAt, @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode definition) {

    static InstrumentVersionResponse summary(InstrumentVersion v) {
        return of(v, null);
    }

    static InstrumentVersionResponse full(InstrumentVersion v) {
        return of(v, InstrumentJson.write(v.definition()));
    }

    private static InstrumentVersionResponse of(InstrumentVersion v, JsonNode definition) {
        return new InstrumentVersionResponse(v.id(), v.instrumentId(), v.label(), v.status().name().toLowerCase(Locale.ROOT),
                v.url(), v.canonical(), v.shared(), v.createdAt(), v.publishedAt(), v.retiredAt(), definition);
    }
}
