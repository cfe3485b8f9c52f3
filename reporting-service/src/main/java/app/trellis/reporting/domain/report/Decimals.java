package app.trellis.reporting.domain.report;

import java.math.BigDecimal;

/** Report numbers as a person writes them. */
public final class Decimals {

    private Decimals() {
    }

    /** 12.5000 as 12.5 and 7.0000 as 7; null stays null. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
