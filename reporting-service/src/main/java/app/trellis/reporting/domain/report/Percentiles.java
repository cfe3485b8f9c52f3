package app.trellis.reporting.domain.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/** Percentiles of durations, as spreadsheets compute them (PERCENTILE.INC: linear between the closest ranks). */
public final class Percentiles {

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    private Percentiles() {
    }

    /** The {@code percent}th percentile of {@code seconds}, in days with 2 decimals; null for no values. */
    public static BigDecimal days(List<Long> seconds, int percent) {
        if (seconds.isEmpty()) {
            return null;
        }
        List<Long> sorted = seconds.stream().sorted().toList();
        BigDecimal rank = BigDecimal.valueOf(sorted.size() - 1L).multiply(BigDecimal.valueOf(percent))
                .divide(BigDecimal.valueOf(100), MathContext.DECIMAL64);
        int low = rank.intValue();
        BigDecimal fraction = rank.subtract(BigDecimal.valueOf(low));
        BigDecimal value = BigDecimal.valueOf(sorted.get(low));
        if (low + 1 < sorted.size()) {
            value = value.add(fraction.multiply(BigDecimal.valueOf(sorted.get(low + 1) - sorted.get(low))));
        }
        return Decimals.plain(value.divide(SECONDS_PER_DAY, 2, RoundingMode.HALF_UP));
    }
}
