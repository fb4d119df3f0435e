package farmhand.reproduction.regression;

/**
 * How a figure is compared with its baseline. Timings are stored as ratios to a reference
 * measured in the same run (machines are noisy; absolute times are not stable); QoS and workers
 * are compared as absolute differences.
 */
public enum FigureKind {
    /** A duration divided by the run's reference duration; lower is better; fails above baseline x ratio. */
    TIMING,
    /**
     * A controller's decision cost divided by the run's reference; like {@link #TIMING} but under its
     * own, wider ratio: tens of nanoseconds move ~2x between JVMs with the JIT's inlining choices.
     */
    DECISION,
    /** A speedup; higher is better; fails below baseline x (1 - relative drop). */
    SPEEDUP,
    /** A final QoS fraction in [0, 1]; higher is better; fails below baseline - points / 100. */
    QOS,
    /** Mean workers; fails when it moves either way by more than the allowed difference. */
    WORKERS
}
