package app.trellis.reporting.domain.report;

import java.math.BigDecimal;

/**
 * Days from a case's opening to its first submitted assessment, per program: cases opened, how many were assessed,
 * and the median and 90th percentile of the assessed ones (linear interpolation between ranks, 2 decimals; null
 * when none was assessed).
 */
public record FirstAssessmentRow(String program, long casesOpened, long assessed, BigDecimal medianDays,
                                 BigDecimal p90Days) {
}
