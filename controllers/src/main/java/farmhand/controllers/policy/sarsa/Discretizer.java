package farmhand.controllers.policy.sarsa;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.Observation;
import farmhand.farm.workload.WorkloadConfig;
import java.util.Arrays;
import java.util.List;

/**
 * Maps an observation to one of a finite set of states by binning six of its nine values
 * (SPEC section 5): a value at or above an edge goes up one bin. The paper's edges give
 * 4 x 7 x 8 x 8 x 5 x 6 = 53,760 states; output queue, result queue and max completion time are
 * ignored. Immutable and thread-safe.
 *
 * @param inputQueue edges for obs0 (phase indicator)
 * @param workerQueue edges for obs1 (tasks waiting)
 * @param workers edges for obs4 (worker count)
 * @param avgCompletion edges for obs5 (mean completion time, seconds)
 * @param arrivalRate edges for obs7 (arrivals per second)
 * @param qos edges for obs8 (step QoS fraction)
 */
public record Discretizer(double[] inputQueue, double[] workerQueue, double[] workers, double[] avgCompletion,
                          double[] arrivalRate, double[] qos) {

    /** The paper's bins, {@link #of} the paper's workload and loop. */
    public static final Discretizer PAPER = of(WorkloadConfig.paper(), EnvironmentConfig.paper());

    /** Workers per bin away from the initial count (the paper's 4). */
    private static final int WORKER_BIN = 4;
    /** Fewest workers the top worker bin spans (the paper's 25..32). */
    private static final int TOP_WORKER_BIN = 8;

    /**
     * The bins of an experiment: one per phase for the phase indicator; for the workers, the initial count
     * alone in a bin with bins of {@value #WORKER_BIN} below it down to {@code minWorkers} and above it up to
     * {@code maxWorkers} (the top bin spanning at least {@value #TOP_WORKER_BIN}); the paper's edges for the
     * worker queue, completion time, arrival rate and QoS. The paper's configuration gives the paper's
     * bins (53,760 states).
     */
    public static Discretizer of(WorkloadConfig workload, EnvironmentConfig environment) {
        double[] phase = new double[workload.phases().size() - 1];
        for (int i = 0; i < phase.length; i++) {
            phase[i] = i + 0.5;
        }
        java.util.ArrayList<Double> workerEdges = new java.util.ArrayList<>();
        int initial = environment.initialWorkers();
        for (double e = initial - 0.5; e > environment.minWorkers(); e -= WORKER_BIN) {
            workerEdges.addFirst(e);
        }
        for (double e = initial + 0.5; e <= environment.maxWorkers() - TOP_WORKER_BIN + 0.5; e += WORKER_BIN) {
            workerEdges.add(e);
        }
        return new Discretizer(phase,
                new double[] {0.5, 2.5, 5.5, 9.5, 15.5, 30.5},
                workerEdges.stream().mapToDouble(Double::doubleValue).toArray(),
                new double[] {0.5, 1, 2, 4, 8, 16, 32},
                new double[] {0.15, 0.5, 1.5, 3.5},
                new double[] {0.5, 0.8, 0.9, 0.95, 0.999});
    }

    public Discretizer {
        for (double[] edges : List.of(inputQueue, workerQueue, workers, avgCompletion, arrivalRate, qos)) {
            for (int i = 1; i < edges.length; i++) {
                if (!(edges[i] > edges[i - 1])) {
                    throw new IllegalArgumentException("bin edges must increase strictly: " + Arrays.toString(edges));
                }
            }
        }
        inputQueue = inputQueue.clone();
        workerQueue = workerQueue.clone();
        workers = workers.clone();
        avgCompletion = avgCompletion.clone();
        arrivalRate = arrivalRate.clone();
        qos = qos.clone();
    }

    /** Number of distinct states. */
    public int stateCount() {
        return (inputQueue.length + 1) * (workerQueue.length + 1) * (workers.length + 1)
                * (avgCompletion.length + 1) * (arrivalRate.length + 1) * (qos.length + 1);
    }

    /** The state index of {@code o}, in [0, stateCount()). */
    public int state(Observation o) {
        int s = bin(inputQueue, o.inputQueue());
        s = s * (workerQueue.length + 1) + bin(workerQueue, o.workerQueue());
        s = s * (workers.length + 1) + bin(workers, o.workers());
        s = s * (avgCompletion.length + 1) + bin(avgCompletion, o.avgCompletionSeconds());
        s = s * (arrivalRate.length + 1) + bin(arrivalRate, o.arrivalRatePerSecond());
        s = s * (qos.length + 1) + bin(qos, o.qosFraction());
        return s;
    }

    /** The bin of {@code value}: the number of edges at or below it. */
    static int bin(double[] edges, double value) {
        int b = 0;
        while (b < edges.length && value >= edges[b]) {
            b++;
        }
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Discretizer d && Arrays.equals(inputQueue, d.inputQueue)
                && Arrays.equals(workerQueue, d.workerQueue) && Arrays.equals(workers, d.workers)
                && Arrays.equals(avgCompletion, d.avgCompletion) && Arrays.equals(arrivalRate, d.arrivalRate)
                && Arrays.equals(qos, d.qos);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(workerQueue) * 31 + Arrays.hashCode(workers);
    }

    @Override
    public String toString() {
        return "Discretizer(" + stateCount() + " states)";
    }
}
