package farmhand.controllers.policy.dqn;

/** The Double DQN target (van Hasselt et al.): the online network picks the next action, the target network values it. */
public final class DoubleDqnTarget {

    private DoubleDqnTarget() {
    }

    /**
     * {@code r + gamma * (1 - done) * qTargetNext[argmax qOnlineNext]}, the argmax taking the highest
     * index on ties.
     */
    public static double of(double reward, boolean done, double gamma, double[] qOnlineNext, double[] qTargetNext) {
        if (done) {
            return reward;
        }
        int best = 0;
        for (int a = 1; a < qOnlineNext.length; a++) {
            if (qOnlineNext[a] >= qOnlineNext[best]) {
                best = a;
            }
        }
        return reward + gamma * qTargetNext[best];
    }
}
