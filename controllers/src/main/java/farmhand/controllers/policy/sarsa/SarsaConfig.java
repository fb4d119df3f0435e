package farmhand.controllers.policy.sarsa;

/**
 * Hyperparameters of tabular SARSA(lambda) (SPEC section 5), with the paper's values in {@link #paper()}.
 *
 * @param alpha learning rate in (0, 1] (paper: 0.025)
 * @param gamma discount in [0, 1] (paper: 0.985)
 * @param lambda trace decay in [0, 1] (paper: 0.5)
 * @param epsilonStart exploration rate of the first episode in [0, 1] (paper: 0.40)
 * @param epsilonDecay per-episode multiplier in (0, 1] (paper: 0.995)
 * @param epsilonFloor lowest exploration rate in [0, epsilonStart] (paper: 0.10)
 * @param traceCutoff traces below this are dropped, {@code >= 0} (paper: 1e-5)
 */
public record SarsaConfig(double alpha, double gamma, double lambda, double epsilonStart, double epsilonDecay,
                          double epsilonFloor, double traceCutoff) {

    public SarsaConfig {
        check(alpha > 0 && alpha <= 1, "alpha must be in (0, 1], was " + alpha);
        check(gamma >= 0 && gamma <= 1, "gamma must be in [0, 1], was " + gamma);
        check(lambda >= 0 && lambda <= 1, "lambda must be in [0, 1], was " + lambda);
        check(epsilonStart >= 0 && epsilonStart <= 1, "epsilonStart must be in [0, 1], was " + epsilonStart);
        check(epsilonDecay > 0 && epsilonDecay <= 1, "epsilonDecay must be in (0, 1], was " + epsilonDecay);
        check(epsilonFloor >= 0 && epsilonFloor <= epsilonStart,
                "epsilonFloor must be in [0, epsilonStart], was " + epsilonFloor);
        check(traceCutoff >= 0, "traceCutoff must be >= 0, was " + traceCutoff);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** alpha 0.025, gamma 0.985, lambda 0.5, epsilon 0.40 x0.995 per episode down to 0.10, traces cut at 1e-5. */
    public static SarsaConfig paper() {
        return new SarsaConfig(0.025, 0.985, 0.5, 0.40, 0.995, 0.10, 1e-5);
    }

    /**
     * farmhand's training recipe: the paper's gamma, lambda and trace cutoff with a faster learning
     * rate (0.1) and an exploration schedule that anneals further (0.40 x0.999 per episode down to
     * 0.02), suited to the thousands of episodes the simulator affords.
     */
    public static SarsaConfig tuned() {
        return new SarsaConfig(0.1, 0.985, 0.5, 0.40, 0.999, 0.02, 1e-5);
    }

    /** The exploration rate of episode {@code episode} (0-based). */
    public double epsilon(int episode) {
        return Math.max(epsilonFloor, epsilonStart * Math.pow(epsilonDecay, episode));
    }
}
