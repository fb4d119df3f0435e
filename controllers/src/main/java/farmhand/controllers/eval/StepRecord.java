package farmhand.controllers.eval;

import farmhand.controllers.env.Observation;

/**
 * One control step of an evaluated episode: what the policy did and what it then saw.
 *
 * @param step 1-based step index
 * @param action the Gymnasium action index (0, 1, 2)
 * @param requestedDelta delta requested
 * @param appliedDelta delta applied after clipping
 * @param scalingSeconds model seconds the scale action blocked
 * @param stepSeconds model seconds the step took
 * @param timeSeconds model time of the observation
 * @param observation the observation after the step
 * @param reward the step's reward
 */
public record StepRecord(int step, int action, int requestedDelta, int appliedDelta, double scalingSeconds,
                         double stepSeconds, double timeSeconds, Observation observation, double reward) {
}
