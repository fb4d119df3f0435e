package farmhand.controllers.policy.dqn;

import farmhand.controllers.env.Action;

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
        return reward + gamma * qTargetNext[Action.best(qOnlineNext, 0)];
    }
}
