package farmhand.reproduction.scaling;

import farmhand.farm.workload.BatchWorkload;
import java.util.List;

/**
 * What the static scaling experiment (SPEC section 8, paper Fig. 2) runs: a batch of equal tasks per
 * arrival window, on farms of each worker count. Immutable; the compact constructor refuses values
 * that cannot make a curve, naming the component.
 *
 * @param tasks tasks per batch, {@code >= 1} (paper: 1000)
 * @param serviceSeconds service time of each task, model seconds, {@code > 0} (paper: 2.04)
 * @param windowsSeconds arrival windows, model seconds, each {@code >= 0}, not empty (paper: 30, 100, 200, 300)
 * @param workerCounts farm sizes, each {@code >= 1}, not empty, ascending (paper: 1, 2, 4, 8, 16, 32);
 *                     speedups are relative to the first
 * @param compression model seconds per wall second, {@code >= 1}
 * @param seed fixes arrival times and platform latency draws
 */
public record ScalingSettings(int tasks, double serviceSeconds, List<Double> windowsSeconds,
                              List<Integer> workerCounts, double compression, long seed) {

    /** Speedups the paper measured on OpenFaaS for the 30 s window at N = 1, 2, 4, 8, 16, 32 (SPEC section 8). */
    public static final List<Double> OPENFAAS_SPEEDUPS_30S = List.of(1.0, 2.0, 3.98, 7.89, 15.7, 29.7);

    /**
     * The largest farm measured: each worker is a thread with its own Redis connection, and past a few
     * hundred on a small machine the curve measures thread scheduling, not the farm (the paper: 32).
     */
    public static final int MAX_WORKERS = 256;

    /** The default time compression: a 2.04 s task takes 41 ms of wall time. */
    public static final double DEFAULT_COMPRESSION = 50;

    public ScalingSettings {
        windowsSeconds = List.copyOf(windowsSeconds);
        workerCounts = List.copyOf(workerCounts);
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be >= 1, was " + tasks);
        }
        if (!(serviceSeconds > 0) || !Double.isFinite(serviceSeconds)) {
            throw new IllegalArgumentException("serviceSeconds must be a finite number > 0, was " + serviceSeconds);
        }
        if (windowsSeconds.isEmpty() || windowsSeconds.stream().anyMatch(w -> !(w >= 0) || !Double.isFinite(w))) {
            throw new IllegalArgumentException("windowsSeconds must be a non-empty list of finite numbers >= 0, was "
                    + windowsSeconds);
        }
        if (workerCounts.isEmpty() || workerCounts.stream().anyMatch(n -> n < 1 || n > MAX_WORKERS)) {
            throw new IllegalArgumentException("workerCounts must be a non-empty list of numbers in [1, " + MAX_WORKERS
                    + "], was " + workerCounts);
        }
        for (int i = 1; i < workerCounts.size(); i++) {
            if (workerCounts.get(i) <= workerCounts.get(i - 1)) {
                throw new IllegalArgumentException("workerCounts must be strictly ascending, was " + workerCounts);
            }
        }
        if (!(compression >= 1) || !Double.isFinite(compression)) {
            throw new IllegalArgumentException("compression must be a finite number >= 1, was " + compression);
        }
    }

    /** These settings with only the arrival windows {@code windowsSeconds}. */
    public ScalingSettings withWindows(List<Double> windowsSeconds) {
        return new ScalingSettings(tasks, serviceSeconds, windowsSeconds, workerCounts, compression, seed);
    }

    /** The paper's experiment: 1000 tasks of 2.04 s, windows 30/100/200/300 s, N = 1..32, compression 50. */
    public static ScalingSettings paper() {
        return new ScalingSettings(BatchWorkload.PAPER_TASKS, BatchWorkload.PAPER_SERVICE_SECONDS,
                List.of(30.0, 100.0, 200.0, 300.0), List.of(1, 2, 4, 8, 16, 32), DEFAULT_COMPRESSION, 42);
    }
}
