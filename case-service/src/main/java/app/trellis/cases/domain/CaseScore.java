package app.trellis.cases.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The latest score of one instrument on a case, as assessment-service announced it: the assessment, the instrument
 * version that scored it ({@code url|version}), its revision, total, band and flags, and when it was submitted.
 */
public record CaseScore(UUID instrumentId, UUID assessmentId, String instrument, int revision, BigDecimal total,
                        String band, List<String> flags, Instant submittedAt) {
}
