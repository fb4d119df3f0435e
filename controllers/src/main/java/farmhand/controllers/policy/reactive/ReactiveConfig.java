package farmhand.controllers.policy.reactive;

/**
 * Parameters of the reactive baselines (SPEC section 5), with the paper's values in {@link #paper()}.
 *
 * @param horizonSeconds the minimum horizon H in seconds, {@code > 0} (paper: 8)
 * @param threshold |delta| in workers that triggers an action, {@code > 0} (paper: 0.5)
 */
public record ReactiveConfig(double horizonSeconds, double threshold) {

    public ReactiveConfig {
        if (!(horizonSeconds > 0)) {
            throw new IllegalArgumentException("horizonSeconds must be > 0, was " + horizonSeconds);
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be > 0, was " + threshold);
        }
    }

    /** H = 8 s, threshold 0.5. */
    public static ReactiveConfig paper() {
        return new ReactiveConfig(8.0, 0.5);
    }
}
