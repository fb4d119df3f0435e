package farmhand.controllers.oracle;

/**
 * A clairvoyant worker schedule: a worker level per canonical phase of the workload (phase 1 the
 * steady low rate, 2 the steady high rate, 3 and 4 the oscillations), applied where the episode
 * actually plays that phase, with changes to a higher level started early and changes to a lower
 * one made late. Each played phase claims its level from {@code leadSeconds} before it starts to
 * {@code holdSeconds} after it ends (a negative hold ends the claim before the phase does); the
 * target is the highest level claimed, or, where no phase claims (a negative hold's gap), the level
 * of the phase about to start. Keyed on the
 * episode's true phase starts and order, which only the oracle knows. Immutable; validated on
 * construction.
 *
 * @param phaseOneWorkers level of canonical phase 1, {@code >= 1}
 * @param phaseTwoWorkers level of canonical phase 2, {@code >= 1}
 * @param phaseThreeWorkers level of canonical phase 3, {@code >= 1}
 * @param phaseFourWorkers level of canonical phase 4, {@code >= 1}
 * @param leadSeconds how long before a phase starts it claims its level, {@code >= 0}
 * @param holdSeconds how long after a phase ends it keeps claiming its level (negative: stops claiming
 *                    that long before it ends), finite
 */
public record PhaseSchedule(int phaseOneWorkers, int phaseTwoWorkers, int phaseThreeWorkers, int phaseFourWorkers,
                            double leadSeconds, double holdSeconds) {

    public PhaseSchedule {
        if (phaseOneWorkers < 1 || phaseTwoWorkers < 1 || phaseThreeWorkers < 1 || phaseFourWorkers < 1) {
            throw new IllegalArgumentException("every worker level must be >= 1, was " + phaseOneWorkers + "/"
                    + phaseTwoWorkers + "/" + phaseThreeWorkers + "/" + phaseFourWorkers);
        }
        if (!(leadSeconds >= 0) || !Double.isFinite(leadSeconds)) {
            throw new IllegalArgumentException("leadSeconds must be >= 0, was " + leadSeconds);
        }
        if (!Double.isFinite(holdSeconds)) {
            throw new IllegalArgumentException("holdSeconds must be finite, was " + holdSeconds);
        }
    }

    /** The level of canonical phase {@code phase} (1-4). */
    public int level(int phase) {
        return switch (phase) {
            case 1 -> phaseOneWorkers;
            case 2 -> phaseTwoWorkers;
            case 3 -> phaseThreeWorkers;
            case 4 -> phaseFourWorkers;
            default -> throw new IllegalArgumentException("phase must be 1-4, was " + phase);
        };
    }

    /**
     * The target at model time {@code t}.
     *
     * @param phaseStarts when each played phase started, in played order
     * @param phaseOrder the canonical phase (1-4) of each played phase, same order
     */
    public int target(double t, double[] phaseStarts, int[] phaseOrder) {
        int target = 0;
        int next = phaseStarts.length - 1;
        for (int i = 0; i < phaseStarts.length; i++) {
            double from = phaseStarts[i] - leadSeconds;
            double to = i + 1 < phaseStarts.length ? phaseStarts[i + 1] + holdSeconds : Double.POSITIVE_INFINITY;
            if (t >= from && t < to) {
                target = Math.max(target, level(phaseOrder[i]));
            }
            if (t < phaseStarts[i] && i < next) {
                next = i;
            }
        }
        return target > 0 ? target : level(phaseOrder[next]);
    }
}
