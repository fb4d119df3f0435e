package farmhand.farm.workload;

/**
 * The quadratic service-time model of the 4-stage image pipeline: {@code t(s) = a*s^2 + b}
 * seconds for an image of side {@code s} pixels (SPEC section 2, fit with R^2 = 0.9999).
 *
 * <p>Immutable and thread-safe.
 *
 * @param a quadratic coefficient in seconds per px^2, finite and {@code > 0}
 * @param b constant overhead in seconds, finite and {@code >= 0}
 * @param minSizePx smallest image side in px, {@code >= 1}
 * @param maxSizePx largest image side in px, {@code >= minSizePx}
 */
public record ServiceTimeModel(double a, double b, int minSizePx, int maxSizePx) {

    /** The paper's fit: a = 1.7099e-7 s/px^2, b = 1.6655e-3 s, sizes 512..4096 px. */
    public static final ServiceTimeModel PAPER =
            new ServiceTimeModel(1.7099013205346125e-7, 0.0016654777540409116, 512, 4096);

    public ServiceTimeModel {
        if (!(a > 0) || !Double.isFinite(a)) {
            throw new IllegalArgumentException("a must be a finite number > 0 (s/px^2), was " + a);
        }
        if (!(b >= 0) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("b must be a finite number >= 0 (s), was " + b);
        }
        if (minSizePx < 1 || maxSizePx < minSizePx) {
            throw new IllegalArgumentException(
                    "sizes must satisfy 1 <= minSizePx <= maxSizePx, were " + minSizePx + ".." + maxSizePx);
        }
    }

    /** Service time in seconds of an image of side {@code sizePx}. */
    public double seconds(int sizePx) {
        return a * (double) sizePx * sizePx + b;
    }

    /** Service time of the smallest image, in seconds. */
    public double minSeconds() {
        return seconds(minSizePx);
    }

    /** Service time of the largest image, in seconds. */
    public double maxSeconds() {
        return seconds(maxSizePx);
    }

    /** The largest image side (clipped to the model's range) whose service time is at most {@code seconds}. */
    public int sizeFor(double seconds) {
        double s = Math.floor(Math.sqrt(Math.max(0.0, seconds - b) / a));
        return (int) Math.max(minSizePx, Math.min(maxSizePx, s));
    }
}
