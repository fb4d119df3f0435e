package farmhand.reproduction.scaling;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample. Stateless. */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * @param values the sample, not empty (not modified)
     * @param percent in {@code (0, 100]}
     * @return the smallest value with at least {@code percent} % of the sample at or below it
     */
    public static double of(double[] values, double percent) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to take a percentile of");
        }
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
