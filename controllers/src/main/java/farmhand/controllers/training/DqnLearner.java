package farmhand.controllers.training;

import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepResult;
import farmhand.controllers.policy.Policy;
import farmhand.controllers.policy.dqn.DqnAgent;
import farmhand.controllers.policy.dqn.DqnPolicy;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Double DQN as a {@link Learner}: stores each transition (learning from a replay batch once warmed up),
 * then picks the next action. Holds the episode's last observation and action; not thread-safe.
 */
public final class DqnLearner implements Learner<DqnAgent> {

    private final DqnAgent agent;
    private Observation observation;
    private int action;

    /** @param agent the agent to train in place */
    public DqnLearner(DqnAgent agent) {
        this.agent = agent;
    }

    @Override
    public String explorationStream() {
        return "dqn-exploration";
    }

    @Override
    public double epsilon(int episode) {
        return agent.config().epsilon(episode);
    }

    @Override
    public int begin(Observation first, double epsilon, UniformRandomProvider rng) {
        observation = first;
        action = agent.explore(first, epsilon, rng);
        return action;
    }

    @Override
    public int learn(StepResult step, double epsilon, UniformRandomProvider rng) {
        agent.observe(observation, action, step.reward(), step.observation(), step.terminated());
        observation = step.observation();
        action = step.done() ? 0 : agent.explore(observation, epsilon, rng);
        return action;
    }

    @Override
    public Policy greedy() {
        return new DqnPolicy(agent);
    }

    @Override
    public DqnAgent agent() {
        return agent;
    }

    @Override
    public DqnAgent snapshot() {
        return agent.copy();
    }
}
