package cnnkit.grader.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Points as every report prints them: at most two decimals, no trailing zeros ("12", "7.5"), same on every run. */
public final class Points {
    private Points() {}

    /** @return the points rounded to hundredths, as a number for JSON */
    public static double round(double points) {
        return BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** @return e.g. "12", "7.5", "0.33" */
    public static String format(double points) {
        BigDecimal d =
                BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }
}
