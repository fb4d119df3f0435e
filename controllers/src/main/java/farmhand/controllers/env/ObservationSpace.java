package farmhand.controllers.env;

import farmhand.farm.workload.WorkloadConfig;
import java.util.Arrays;

/**
 * A bounded box of observations ({@code gymnasium.spaces.Box}), used for normalisation.
 * Immutable.
 *
 * @param low lower bounds, 9 values
 * @param high upper bounds, 9 values, each {@code > low}
 */
public record ObservationSpace(double[] low, double[] high) {

    /**
     * The paper's bounds, {@link #of} the paper's workload and loop: low [0,0,0,0,1,0,0,0,0], high
     * [3,800,10,1140,32,150,160,12,1].
     */
    public static final ObservationSpace PAPER = of(WorkloadConfig.paper(), EnvironmentConfig.paper());

    /** Bounds the configuration does not fix: the paper's, for the worker and result queues (tasks). */
    private static final double WORKER_QUEUE_HIGH = 800;
    private static final double RESULT_QUEUE_HIGH = 10;
    /** The paper's bounds of the mean and max completion times, seconds, and of the arrival rate, tasks per second. */
    private static final double AVG_COMPLETION_HIGH_SECONDS = 150;
    private static final double MAX_COMPLETION_HIGH_SECONDS = 160;
    private static final double ARRIVAL_RATE_HIGH_PER_SECOND = 12;

    /**
     * The bounds of an experiment: the phase indicator counts down from the number of phases less one, the
     * output queue up to the tasks of an episode, the workers between {@code minWorkers} and
     * {@code maxWorkers}; QoS is a fraction; the queues' and completion times' bounds are the paper's
     * (the configuration does not bound them; larger values are clipped).
     */
    public static ObservationSpace of(WorkloadConfig workload, EnvironmentConfig environment) {
        int phases = workload.phases().size();
        return new ObservationSpace(
                new double[] {0, 0, 0, 0, environment.minWorkers(), 0, 0, 0, 0},
                new double[] {Math.max(1, phases - 1), WORKER_QUEUE_HIGH, RESULT_QUEUE_HIGH, workload.totalTasks(),
                    environment.maxWorkers() > environment.minWorkers() ? environment.maxWorkers()
                            : environment.minWorkers() + 1,
                    AVG_COMPLETION_HIGH_SECONDS, MAX_COMPLETION_HIGH_SECONDS, ARRIVAL_RATE_HIGH_PER_SECOND, 1});
    }

    public ObservationSpace {
        if (low.length != Observation.SIZE || high.length != Observation.SIZE) {
            throw new IllegalArgumentException("bounds need " + Observation.SIZE + " values each");
        }
        for (int i = 0; i < low.length; i++) {
            if (!(high[i] > low[i])) {
                throw new IllegalArgumentException("high[" + i + "] must be > low[" + i + "], were "
                        + high[i] + " and " + low[i]);
            }
        }
        low = low.clone();
        high = high.clone();
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public double[] high() {
        return high.clone();
    }

    /** The observation clipped to the bounds and min-max scaled to [0, 1]. */
    public double[] normalise(Observation observation) {
        double[] v = observation.toArray();
        for (int i = 0; i < v.length; i++) {
            double c = Math.max(low[i], Math.min(high[i], v[i]));
            v[i] = (c - low[i]) / (high[i] - low[i]);
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObservationSpace s && Arrays.equals(low, s.low) && Arrays.equals(high, s.high);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "Box(low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + ")";
    }
}
