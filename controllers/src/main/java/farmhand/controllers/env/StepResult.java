package farmhand.controllers.env;

/**
 * What {@code step} returns, as in Gymnasium.
 *
 * @param observation the observation after the step
 * @param reward the reward of Eq. 4 (terminal terms included on the last step)
 * @param terminated all tasks generated and collected, queues empty
 * @param truncated cut at the maximum number of steps
 * @param info step details
 */
public record StepResult(Observation observation, double reward, boolean terminated, boolean truncated,
                         StepInfo info) {

    /** True when the episode is over for either reason. */
    public boolean done() {
        return terminated || truncated;
    }
}
