package farmhand.controllers.policy.dqn;

/**
 * Hyperparameters of the Double DQN agent (SPEC section 5), with the paper's values in {@link #paper()}.
 *
 * @param hidden1 neurons of the first hidden layer, {@code >= 1} (paper: 128)
 * @param hidden2 neurons of the second hidden layer, {@code >= 1} (paper: 64)
 * @param learningRate optimiser step size, {@code > 0} (paper: 3e-4)
 * @param gamma discount in [0, 1] (paper: 0.97)
 * @param batchSize transitions per update, {@code >= 1} (paper: 64)
 * @param replayCapacity transitions kept, {@code >= batchSize} (paper: 75,000)
 * @param warmupSteps transitions collected before learning starts, {@code >= batchSize} (paper: 400)
 * @param tau soft target-update rate in (0, 1] (paper: 0.01)
 * @param targetUpdateEvery updates between soft target updates, {@code >= 1} (paper: 600)
 * @param gradientClipNorm gradient-norm clip, {@code > 0} (paper: 3.0)
 * @param huberDelta TD errors are clipped to +-delta (the Huber loss gradient), {@code > 0} (1.0)
 * @param rewardClip rewards are clipped to +-this, {@code > 0} (paper: 100)
 * @param epsilonStart exploration rate of the first episode in [0, 1] (paper: 0.8)
 * @param epsilonDecay per-episode multiplier in (0, 1] (paper: 0.98)
 * @param epsilonFloor lowest exploration rate in [0, epsilonStart] (paper: 0.05)
 * @param rmsRho decay of the RMSProp squared-gradient average in (0, 1) (0.9)
 * @param rmsEpsilon RMSProp denominator guard, {@code > 0} (1e-7)
 */
public record DqnConfig(int hidden1, int hidden2, double learningRate, double gamma, int batchSize, int replayCapacity,
                        int warmupSteps, double tau, int targetUpdateEvery, double gradientClipNorm,
                        double huberDelta, double rewardClip, double epsilonStart, double epsilonDecay,
                        double epsilonFloor, double rmsRho, double rmsEpsilon) {

    public DqnConfig {
        check(hidden1 >= 1 && hidden2 >= 1, "hidden1 and hidden2 must be >= 1, were " + hidden1 + ", " + hidden2);
        check(learningRate > 0, "learningRate must be > 0, was " + learningRate);
        check(gamma >= 0 && gamma <= 1, "gamma must be in [0, 1], was " + gamma);
        check(batchSize >= 1, "batchSize must be >= 1, was " + batchSize);
        check(replayCapacity >= batchSize, "replayCapacity must be >= batchSize, was " + replayCapacity);
        check(warmupSteps >= batchSize, "warmupSteps must be >= batchSize, was " + warmupSteps);
        check(tau > 0 && tau <= 1, "tau must be in (0, 1], was " + tau);
        check(targetUpdateEvery >= 1, "targetUpdateEvery must be >= 1, was " + targetUpdateEvery);
        check(gradientClipNorm > 0, "gradientClipNorm must be > 0, was " + gradientClipNorm);
        check(huberDelta > 0, "huberDelta must be > 0, was " + huberDelta);
        check(rewardClip > 0, "rewardClip must be > 0, was " + rewardClip);
        check(epsilonStart >= 0 && epsilonStart <= 1, "epsilonStart must be in [0, 1], was " + epsilonStart);
        check(epsilonDecay > 0 && epsilonDecay <= 1, "epsilonDecay must be in (0, 1], was " + epsilonDecay);
        check(epsilonFloor >= 0 && epsilonFloor <= epsilonStart,
                "epsilonFloor must be in [0, epsilonStart], was " + epsilonFloor);
        check(rmsRho > 0 && rmsRho < 1, "rmsRho must be in (0, 1), was " + rmsRho);
        check(rmsEpsilon > 0, "rmsEpsilon must be > 0, was " + rmsEpsilon);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The paper's hyperparameters (RMSProp standing in for the paper's Adam). */
    public static DqnConfig paper() {
        return new DqnConfig(128, 64, 3e-4, 0.97, 64, 75_000, 400, 0.01, 600, 3.0, 1.0, 100, 0.8, 0.98, 0.05,
                0.9, 1e-7);
    }

    /** The exploration rate of episode {@code episode} (0-based). */
    public double epsilon(int episode) {
        return Math.max(epsilonFloor, epsilonStart * StrictMath.pow(epsilonDecay, episode));
    }
}
