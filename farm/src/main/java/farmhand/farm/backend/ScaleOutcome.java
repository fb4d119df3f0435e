package farmhand.farm.backend;

/**
 * The result of one scaling request.
 *
 * @param appliedDelta the change of worker count actually made
 * @param scalingSeconds model seconds the request blocked the control step, {@code >= 0}
 */
public record ScaleOutcome(int appliedDelta, double scalingSeconds) {

    /** Nothing to do: no change, no time. */
    public static final ScaleOutcome NONE = new ScaleOutcome(0, 0.0);
}
