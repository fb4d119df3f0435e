package farmhand.controllers.policy.anticipatory;

/**
 * Parameters of {@link AnticipatoryPolicy}: a worker target per phase of the episode as the
 * observation's phase indicator shows it, when to start raising workers ahead of the second phase,
 * and a backlog guard. {@link #tuned()} holds what {@link AnticipatoryTuner} picked on the training
 * seeds. Immutable; validated on construction.
 *
 * @param firstPhaseWorkers target while the first phase runs and before the ramp starts, {@code >= 1}
 * @param rampAfterTasks tasks enqueued in the episode after which, still in the first phase, the
 *                       target becomes {@code peakWorkers} (scale-ups take ~6.4 s each on OpenFaaS, so
 *                       the ramp must start before the burst), {@code >= 0}
 * @param peakWorkers target in the second phase, {@code >= 1}
 * @param holdSteps control steps the peak is kept into the third phase (to drain the backlog), {@code >= 0}
 * @param thirdPhaseWorkers target in the third phase after the hold, {@code >= 1}
 * @param fourthPhaseWorkers target from the fourth phase to the end, {@code >= 1}
 * @param backlogLimit tasks waiting in {@code worker_queue} above which the policy adds a worker
 *                     whatever the target, {@code >= 0}
 * @param surgeWorkers how far above {@code peakWorkers} the backlog guard may go, {@code >= 0}
 */
public record AnticipatoryConfig(int firstPhaseWorkers, int rampAfterTasks, int peakWorkers, int holdSteps,
                                 int thirdPhaseWorkers, int fourthPhaseWorkers, int backlogLimit,
                                 int surgeWorkers) {

    public AnticipatoryConfig {
        positive("firstPhaseWorkers", firstPhaseWorkers);
        nonNegative("rampAfterTasks", rampAfterTasks);
        positive("peakWorkers", peakWorkers);
        nonNegative("holdSteps", holdSteps);
        positive("thirdPhaseWorkers", thirdPhaseWorkers);
        positive("fourthPhaseWorkers", fourthPhaseWorkers);
        nonNegative("backlogLimit", backlogLimit);
        nonNegative("surgeWorkers", surgeWorkers);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + value);
        }
    }

    private static void nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
    }

    /**
     * What {@link AnticipatoryTuner#search} picked on training seeds 1000-1199 (simulator, measured
     * OpenFaaS latencies, the paper's workload) for final QoS {@code >= 99.0 %} with at most 12
     * scaling actions: keep 12 workers, ramp to 16 after 30 tasks, 13 in phase 3, 12 from phase 4,
     * add a worker when more than 25 tasks wait (up to 19).
     */
    public static AnticipatoryConfig tuned() {
        return new AnticipatoryConfig(12, 30, 16, 0, 13, 12, 25, 3);
    }

    /** A copy with {@code value} for the parameter at {@code index} (order of the components). */
    AnticipatoryConfig with(int index, int value) {
        int[] v = toArray();
        v[index] = value;
        return new AnticipatoryConfig(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    int[] toArray() {
        return new int[] {firstPhaseWorkers, rampAfterTasks, peakWorkers, holdSteps, thirdPhaseWorkers,
            fourthPhaseWorkers, backlogLimit, surgeWorkers};
    }
}
