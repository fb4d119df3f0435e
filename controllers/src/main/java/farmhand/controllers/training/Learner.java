package farmhand.controllers.training;

import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepResult;
import farmhand.controllers.policy.Policy;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * An agent as {@link Trainer}'s one training loop sees it: it picks an exploring action, learns from
 * each step, acts greedily for validation and can be copied for keep-best. Implementations adapt
 * SARSA(lambda) ({@link SarsaLearner}) and Double DQN ({@link DqnLearner}).
 *
 * @param <A> the agent type the training returns
 */
public interface Learner<A> {

    /** Name of the exploration stream ({@code sarsa-exploration}): keeps each agent's draws apart. */
    String explorationStream();

    /** Exploration rate of {@code episode} (0-based), from the agent's schedule. */
    double epsilon(int episode);

    /** Starts an episode at {@code first}; returns the index of the first (exploring) action. */
    int begin(Observation first, double epsilon, UniformRandomProvider rng);

    /**
     * Learns from the step just taken with the last returned action; returns the next action's index
     * (ignored when {@code step} ended the episode, and then drawn from nothing).
     */
    int learn(StepResult step, double epsilon, UniformRandomProvider rng);

    /** The agent acting greedily, for validation episodes. */
    Policy greedy();

    /** The agent being trained (it learns in place). */
    A agent();

    /** An independent copy of the agent as it is now. */
    A snapshot();
}
