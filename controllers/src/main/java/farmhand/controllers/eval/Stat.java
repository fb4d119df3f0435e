package farmhand.controllers.eval;

/**
 * Mean and population standard deviation of a sample, as Table III reports them.
 *
 * @param mean arithmetic mean (NaN for an empty sample)
 * @param std population standard deviation (0 for one value, NaN for none)
 */
public record Stat(double mean, double std) {

    /** The statistic of {@code values}. */
    public static Stat of(double... values) {
        if (values.length == 0) {
            return new Stat(Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new Stat(mean, Math.sqrt(ss / values.length));
    }

    /** {@code "mean +- std"} with {@code decimals} places. */
    public String format(int decimals) {
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f +- %." + decimals + "f", mean, std);
    }
}
