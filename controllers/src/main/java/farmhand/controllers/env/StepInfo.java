package farmhand.controllers.env;

/**
 * The {@code info} dictionary of a step (SPEC section 3). At reset, deltas and times are 0.
 *
 * @param step 1-based index of the step just taken (0 at reset)
 * @param requestedDelta the delta the action asked for
 * @param appliedDelta the delta applied after clipping to the worker bounds
 * @param scalingSeconds model seconds the scale action blocked
 * @param stepSeconds model seconds the whole step took
 * @param nowSeconds model time of the observation
 * @param enqueuedTotal the mirrored enqueue counter
 * @param processed tasks collected so far
 * @param unfinished tasks of the episode not yet collected
 * @param cumulativeScalingActions requested non-zero actions so far
 * @param cumulativeQosViolations collected tasks that missed their deadline so far
 * @param deadLettered messages dead-lettered so far
 * @param lost tasks lost so far (0 in a healthy run)
 * @param finalQos share of all collected tasks that met their deadline; only when the episode ended, else null
 */
public record StepInfo(int step, int requestedDelta, int appliedDelta, double scalingSeconds,
                       double stepSeconds, double nowSeconds, long enqueuedTotal, int processed,
                       int unfinished, int cumulativeScalingActions, int cumulativeQosViolations,
                       int deadLettered, int lost, Double finalQos) {
}
