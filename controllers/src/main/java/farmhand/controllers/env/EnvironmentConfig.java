package farmhand.controllers.env;

/**
 * The control loop's parameters (SPEC section 3), with the paper's values in {@link #paper()}.
 * Immutable; validated on construction with messages naming the component.
 *
 * @param stepSeconds control step T_step in model seconds, {@code > 0} (paper: 8)
 * @param maxSteps steps before truncation, {@code >= 1} (paper: 30)
 * @param initialWorkers workers at reset, in [minWorkers, maxWorkers] (paper: 12)
 * @param minWorkers N_min, {@code >= 1} (paper: 1)
 * @param maxWorkers N_max, {@code >= minWorkers} (paper: 32)
 * @param windowSeconds the observation window for completion times and QoS, {@code > 0} (paper: 8)
 * @param idleCompletionSeconds avg/max completion time reported when the window is empty (paper: 1.5)
 * @param settleSeconds model seconds a step still waits after a scale action that overran the step, {@code >= 0}
 * @param maxDeltaPerStep k of the action space: one step may change the worker count by -k..+k, in
 *     [1, max(1, maxWorkers - minWorkers)] (paper: 1, its {-1, 0, +1})
 */
public record EnvironmentConfig(double stepSeconds, int maxSteps, int initialWorkers, int minWorkers,
                                int maxWorkers, double windowSeconds, double idleCompletionSeconds,
                                double settleSeconds, int maxDeltaPerStep) {

    public EnvironmentConfig {
        check(stepSeconds > 0 && Double.isFinite(stepSeconds), "stepSeconds must be > 0, was " + stepSeconds);
        check(maxSteps >= 1, "maxSteps must be >= 1, was " + maxSteps);
        check(minWorkers >= 1, "minWorkers must be >= 1, was " + minWorkers);
        check(maxWorkers >= minWorkers,
                "maxWorkers (" + maxWorkers + ") must be >= minWorkers (" + minWorkers + ")");
        check(initialWorkers >= minWorkers && initialWorkers <= maxWorkers,
                "initialWorkers must be within [minWorkers, maxWorkers] = [" + minWorkers + ", " + maxWorkers
                        + "], was " + initialWorkers);
        check(windowSeconds > 0, "windowSeconds must be > 0, was " + windowSeconds);
        check(idleCompletionSeconds >= 0, "idleCompletionSeconds must be >= 0, was " + idleCompletionSeconds);
        check(settleSeconds >= 0, "settleSeconds must be >= 0, was " + settleSeconds);
        int widest = Math.max(1, maxWorkers - minWorkers);
        check(maxDeltaPerStep >= 1 && maxDeltaPerStep <= widest,
                "maxDeltaPerStep must be within [1, " + widest + "] (1 is the paper's {-1, 0, +1}; at most "
                        + "maxWorkers - minWorkers), was " + maxDeltaPerStep);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The paper's loop: 8 s steps, at most 30, 12 initial workers within [1, 32], actions -1, 0, +1. */
    public static EnvironmentConfig paper() {
        return new EnvironmentConfig(8.0, 30, 12, 1, 32, 8.0, 1.5, 0.1, 1);
    }

    /** The config of the paper's loop as written before the action set became configurable (k = 1). */
    public EnvironmentConfig(double stepSeconds, int maxSteps, int initialWorkers, int minWorkers, int maxWorkers,
                             double windowSeconds, double idleCompletionSeconds, double settleSeconds) {
        this(stepSeconds, maxSteps, initialWorkers, minWorkers, maxWorkers, windowSeconds, idleCompletionSeconds,
                settleSeconds, 1);
    }

    /** The action space of this loop: deltas {@code -maxDeltaPerStep..+maxDeltaPerStep}. */
    public ActionSpace actionSpace() {
        return new ActionSpace(maxDeltaPerStep);
    }

    /** A copy whose action space is {@code -k..+k}. */
    public EnvironmentConfig withMaxDeltaPerStep(int k) {
        return new EnvironmentConfig(stepSeconds, maxSteps, initialWorkers, minWorkers, maxWorkers, windowSeconds,
                idleCompletionSeconds, settleSeconds, k);
    }

    /** A copy starting with {@code workers} workers. */
    public EnvironmentConfig withInitialWorkers(int workers) {
        return new EnvironmentConfig(stepSeconds, maxSteps, workers, minWorkers, maxWorkers, windowSeconds,
                idleCompletionSeconds, settleSeconds, maxDeltaPerStep);
    }
}
