package farmhand.controllers.oracle;

/**
 * A clairvoyant worker schedule over the paper's four phases, keyed on the episode's true phase
 * start times (which only the oracle knows). Immutable; validated on construction.
 *
 * @param firstPhaseWorkers target from the start until the ramp, {@code >= 1}
 * @param leadSeconds how long before the second phase starts the target becomes {@code peakWorkers}, {@code >= 0}
 * @param peakWorkers target through the second phase, {@code >= 1}
 * @param holdSeconds how long after the third phase starts the peak is kept (negative: dropped before), finite
 * @param thirdPhaseWorkers target in the third phase after the hold, {@code >= 1}
 * @param fourthPhaseWorkers target from the fourth phase on, {@code >= 1}
 */
public record PhaseSchedule(int firstPhaseWorkers, double leadSeconds, int peakWorkers, double holdSeconds,
                            int thirdPhaseWorkers, int fourthPhaseWorkers) {

    public PhaseSchedule {
        if (firstPhaseWorkers < 1 || peakWorkers < 1 || thirdPhaseWorkers < 1 || fourthPhaseWorkers < 1) {
            throw new IllegalArgumentException("every worker target must be >= 1, was " + firstPhaseWorkers + "/"
                    + peakWorkers + "/" + thirdPhaseWorkers + "/" + fourthPhaseWorkers);
        }
        if (!(leadSeconds >= 0) || !Double.isFinite(leadSeconds)) {
            throw new IllegalArgumentException("leadSeconds must be >= 0, was " + leadSeconds);
        }
        if (!Double.isFinite(holdSeconds)) {
            throw new IllegalArgumentException("holdSeconds must be finite, was " + holdSeconds);
        }
    }

    /**
     * The target at model time {@code t} of an episode whose phases started at {@code phaseStarts}
     * (seconds, in played order; at least four).
     */
    public int target(double t, double[] phaseStarts) {
        if (t < phaseStarts[1] - leadSeconds) {
            return firstPhaseWorkers;
        }
        if (t < phaseStarts[2] + holdSeconds) {
            return peakWorkers;
        }
        if (t < phaseStarts[3]) {
            return thirdPhaseWorkers;
        }
        return fourthPhaseWorkers;
    }
}
