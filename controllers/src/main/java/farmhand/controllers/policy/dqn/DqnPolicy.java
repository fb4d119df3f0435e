package farmhand.controllers.policy.dqn;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;
import farmhand.controllers.policy.Policy;

/** A trained Double DQN agent acting greedily on its online network. Safe to call from several threads (the network allocates its buffers per call). */
public final class DqnPolicy implements Policy {

    private final DqnAgent agent;

    public DqnPolicy(DqnAgent agent) {
        this.agent = java.util.Objects.requireNonNull(agent, "agent");
    }

    public DqnAgent agent() {
        return agent;
    }

    @Override
    public String name() {
        return "dqn";
    }

    @Override
    public Action act(Observation observation, StepInfo info) {
        return agent.actionSpace().ofIndex(agent.greedy(observation));
    }
}
