package app.trellis.assessment.domain;

import app.trellis.assessment.domain.instrument.ScoreResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The score stored with a submitted assessment, exactly as scoring gave it (the instrument version and
 * engine version are stored beside it). Numbers and codes only, no answer text.
 */
public record Score(BigDecimal total, Map<String, BigDecimal> subscales, String band, List<String> flags) {

    public Score {
        subscales = subscales == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(subscales));
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    public static Score of(ScoreResult result) {
        return new Score(result.total(), result.subscales(), result.band(), result.flags());
    }
}
