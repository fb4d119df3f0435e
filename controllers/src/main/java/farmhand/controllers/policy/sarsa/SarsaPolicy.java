package farmhand.controllers.policy.sarsa;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;
import farmhand.controllers.policy.Policy;

/** A trained SARSA(lambda) agent acting greedily. Thread-safe as long as nobody trains the agent meanwhile. */
public final class SarsaPolicy implements Policy {

    private final SarsaAgent agent;

    public SarsaPolicy(SarsaAgent agent) {
        this.agent = java.util.Objects.requireNonNull(agent, "agent");
    }

    public SarsaAgent agent() {
        return agent;
    }

    @Override
    public String name() {
        return "sarsa";
    }

    @Override
    public Action act(Observation observation, StepInfo info) {
        return agent.actionSpace().ofIndex(agent.greedy(agent.state(observation)));
    }
}
