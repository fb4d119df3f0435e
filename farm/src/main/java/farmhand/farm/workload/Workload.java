package farmhand.farm.workload;

import java.util.List;

/**
 * One episode's generated task stream: every task with its generation time, and when each
 * phase started. Immutable.
 *
 * @param seed the seed that produced it
 * @param tasks all tasks in generation order (ids 0..n-1)
 * @param phaseOrder the canonical 1-based phase numbers in the order they are played
 * @param phaseStartSeconds model time each played phase started, same order as {@code phaseOrder}
 * @param generationEndSeconds model time the last phase finished generating
 */
public record Workload(long seed, List<Task> tasks, List<Integer> phaseOrder,
                       List<Double> phaseStartSeconds, double generationEndSeconds) {

    public Workload {
        tasks = List.copyOf(tasks);
        phaseOrder = List.copyOf(phaseOrder);
        phaseStartSeconds = List.copyOf(phaseStartSeconds);
        if (phaseOrder.size() != phaseStartSeconds.size()) {
            throw new IllegalArgumentException("phaseOrder and phaseStartSeconds differ in length");
        }
    }

    /** Number of tasks in the episode. */
    public int size() {
        return tasks.size();
    }

    /**
     * Length of {@code input_queue} at model time {@code t}: the phase descriptors not yet taken
     * by the emitter (3, 2, 1, 0 for the paper's 4 phases; the first is taken at time 0).
     */
    public int inputQueueLength(double t) {
        int started = 0;
        for (double start : phaseStartSeconds) {
            if (start <= t) {
                started++;
            }
        }
        return Math.max(0, phaseOrder.size() - Math.max(1, started));
    }
}
