package farmhand.farm.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The static scaling experiment's workload (SPEC section 8, paper Fig. 2): {@code tasks} equal
 * tasks of {@code serviceSeconds} each, generated at uniformly random times within an arrival
 * window of {@code windowSeconds}. Deadlines are set beyond any possible completion so that the
 * batch measures throughput, not QoS. Stateless; same seed, same batch.
 */
public final class BatchWorkload {

    /** The paper's batch: 1000 tasks. */
    public static final int PAPER_TASKS = 1000;
    /** The paper's per-task service time, seconds. */
    public static final double PAPER_SERVICE_SECONDS = 2.04;

    private BatchWorkload() {
    }

    /**
     * @param tasks number of tasks, {@code >= 1}
     * @param serviceSeconds service time of every task, model seconds, {@code > 0}
     * @param windowSeconds arrival window, model seconds, {@code >= 0} (0: every task at time 0)
     * @param seed fixes the arrival times
     */
    public static Workload of(int tasks, double serviceSeconds, double windowSeconds, long seed) {
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be >= 1, was " + tasks);
        }
        if (!(serviceSeconds > 0) || !Double.isFinite(serviceSeconds)) {
            throw new IllegalArgumentException("serviceSeconds must be a finite number > 0, was " + serviceSeconds);
        }
        if (!(windowSeconds >= 0) || !Double.isFinite(windowSeconds)) {
            throw new IllegalArgumentException("windowSeconds must be a finite number >= 0, was " + windowSeconds);
        }
        UniformRandomProvider rng = Seeds.source(seed, "batch-arrivals");
        double[] at = new double[tasks];
        for (int i = 0; i < tasks; i++) {
            at[i] = rng.nextDouble() * windowSeconds;
        }
        Arrays.sort(at);
        int sizePx = ServiceTimeModel.PAPER.sizeFor(serviceSeconds);
        double deadlineSeconds = windowSeconds + 10.0 * tasks * serviceSeconds;
        List<Task> list = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            list.add(new Task(i, 1, at[i], serviceSeconds, sizePx, deadlineSeconds, serviceSeconds));
        }
        return new Workload(seed, list, List.of(), List.of(), windowSeconds);
    }
}
