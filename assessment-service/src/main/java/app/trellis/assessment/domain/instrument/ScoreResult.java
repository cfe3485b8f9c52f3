package app.trellis.assessment.domain.instrument;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What scoring a valid submission gave: to be stored with the assessment as it is, so that a later change of
 * rules or engine never changes a score already given.
 *
 * @param total         sum of the weights of the chosen options of every answered weighted item
 * @param subscales     each subscale's sum, in the order of the definition
 * @param band          label of the band the total falls in; null if the instrument has no bands
 * @param flags         flags raised, each once, in the order of the rules
 * @param instrument    canonical {@code url|version} of the instrument version scored against
 * @param engineVersion {@link ScoringEngine#VERSION} that computed this
 */
public record ScoreResult(BigDecimal total, Map<String, BigDecimal> subscales, String band, List<String> flags,
        String instrument, String engineVersion) {

    public ScoreResult {
        subscales = Collections.unmodifiableMap(new LinkedHashMap<>(subscales));
        flags = List.copyOf(flags);
    }
}
