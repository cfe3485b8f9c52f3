package app.trellis.assessment.api;

import app.trellis.assessment.domain.Score;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The score of a submitted assessment: total, each subscale by name, the band of the total, flags raised. */
public record ScoreResponse(BigDecimal total, Map<String, BigDecimal> subscales, String band, List<String> flags) {

    static ScoreResponse of(Score score) {
        return score == null ? null : new ScoreResponse(score.total(), score.subscales(), score.band(), score.flags());
    }
}
