package farmhand.controllers.env;

/**
 * What {@code reset} returns, as in Gymnasium.
 *
 * @param observation the first observation
 * @param info details at reset (step 0)
 */
public record ResetResult(Observation observation, StepInfo info) {
}
