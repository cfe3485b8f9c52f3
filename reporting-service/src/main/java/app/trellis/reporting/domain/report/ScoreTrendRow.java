package app.trellis.reporting.domain.report;

import java.math.BigDecimal;

/** An instrument's results in a month ({@code yyyy-MM}, UTC): count, mean (2 decimals), lowest and highest total. */
public record ScoreTrendRow(String instrumentId, String instrument, String month, long assessments,
                            BigDecimal averageTotal, BigDecimal minTotal, BigDecimal maxTotal) {
}
