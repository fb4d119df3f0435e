package farmhand.controllers.training;

import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepResult;
import farmhand.controllers.policy.Policy;
import farmhand.controllers.policy.sarsa.SarsaAgent;
import farmhand.controllers.policy.sarsa.SarsaPolicy;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * SARSA(lambda) as a {@link Learner}: on-policy, it picks the next action before it learns from a step.
 * Holds the current state and action of the episode; not thread-safe.
 */
public final class SarsaLearner implements Learner<SarsaAgent> {

    private final SarsaAgent agent;
    private int state;
    private int action;

    /** @param agent the agent to train in place */
    public SarsaLearner(SarsaAgent agent) {
        this.agent = agent;
    }

    @Override
    public String explorationStream() {
        return "sarsa-exploration";
    }

    @Override
    public double epsilon(int episode) {
        return agent.config().epsilon(episode);
    }

    @Override
    public int begin(Observation first, double epsilon, UniformRandomProvider rng) {
        agent.startEpisode();
        state = agent.state(first);
        action = agent.explore(state, epsilon, rng);
        return action;
    }

    @Override
    public int learn(StepResult step, double epsilon, UniformRandomProvider rng) {
        int next = agent.state(step.observation());
        int nextAction = step.done() ? 0 : agent.explore(next, epsilon, rng);
        agent.update(state, action, step.reward(), next, nextAction, step.done());
        state = next;
        action = nextAction;
        return nextAction;
    }

    @Override
    public Policy greedy() {
        return new SarsaPolicy(agent);
    }

    @Override
    public SarsaAgent agent() {
        return agent;
    }

    @Override
    public SarsaAgent snapshot() {
        return new SarsaAgent(agent.config(), agent.discretizer(), agent.qTable());
    }
}
