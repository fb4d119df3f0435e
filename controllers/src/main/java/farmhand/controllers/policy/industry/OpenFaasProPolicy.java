package farmhand.controllers.policy.industry;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;
import java.util.ArrayDeque;

/**
 * The OpenFaaS Pro autoscaler in its {@code capacity} and {@code queue} modes
 * (docs.openfaas.com/architecture/autoscaling/, "How auto-scaling works", "Scaling modes" and
 * "Smoothing out scaling down with a stable window"):
 * {@code desired = ceil(ready pods * mean load per pod / (target * target-proportion))}, clamped to
 * [{@code com.openfaas.scale.min}, {@code com.openfaas.scale.max}] (defaults 1 and 20, within the
 * environment's bounds), with {@code com.openfaas.scale.target} 50 and
 * {@code com.openfaas.scale.target-proportion} 0.90 by default. With
 * {@code com.openfaas.scale.down.window} set (off by default, at most 5 min) a scale-down goes only to
 * the highest recommendation recorded within the window; scale-up is immediate.
 *
 * <p>The load: in {@code capacity} mode the requests in flight on the function's replicas, here the
 * tasks the workers are processing (the farm's workers take one task at a time, like a function
 * deployed with {@code max_inflight=1}); in {@code queue} mode the queue depth of the function's
 * asynchronous invocations, here the tasks not yet finished by a worker (waiting in the list plus in
 * service: a JetStream consumer's pending and unacknowledged messages). The page does not give the
 * autoscaler's period; this class assumes {@link #DEFAULT_PERIOD_SECONDS}.
 *
 * <p>Not thread-safe.
 */
public final class OpenFaasProPolicy extends PeriodicAutoscaler {

    /** Scaling modes reproduced here. */
    public enum Mode {
        /** In-flight requests per replica. */
        CAPACITY,
        /** Queued asynchronous invocations. */
        QUEUE
    }

    /** The period assumed for the autoscaler's loop, seconds (not documented on the page cited). */
    public static final double DEFAULT_PERIOD_SECONDS = 15;

    private record Stamped(double seconds, int value) {
    }

    private final String name;
    private final Mode mode;
    private final double target;
    private final double proportion;
    private final int minReplicas;
    private final int maxReplicas;
    private final double downWindowSeconds;
    private final ArrayDeque<Stamped> recommendations = new ArrayDeque<>();

    /**
     * @param name the row's name
     * @param environment the control loop (bounds, action space)
     * @param mode capacity or queue
     * @param target {@code com.openfaas.scale.target}, {@code > 0}
     * @param proportion {@code com.openfaas.scale.target-proportion}, in (0, 1]
     * @param minReplicas {@code com.openfaas.scale.min}, {@code >= 1}
     * @param maxReplicas {@code com.openfaas.scale.max}, {@code >= minReplicas}
     * @param downWindowSeconds {@code com.openfaas.scale.down.window} in [0, 300]; 0 is off
     * @param periodSeconds the autoscaler's loop period
     */
    public OpenFaasProPolicy(String name, EnvironmentConfig environment, Mode mode, double target, double proportion,
                             int minReplicas, int maxReplicas, double downWindowSeconds, double periodSeconds) {
        super(environment, periodSeconds);
        if (!(target > 0) || !(proportion > 0 && proportion <= 1)) {
            throw new IllegalArgumentException("target must be > 0 and target-proportion in (0, 1], were " + target
                    + " and " + proportion);
        }
        if (minReplicas < 1 || maxReplicas < minReplicas) {
            throw new IllegalArgumentException("replicas must satisfy 1 <= min <= max, were " + minReplicas + ".."
                    + maxReplicas);
        }
        if (!(downWindowSeconds >= 0 && downWindowSeconds <= 300)) {
            throw new IllegalArgumentException("the scale-down window must be within 0-300 s, was " + downWindowSeconds);
        }
        this.name = name;
        this.mode = java.util.Objects.requireNonNull(mode, "mode");
        this.target = target;
        this.proportion = proportion;
        this.minReplicas = minReplicas;
        this.maxReplicas = maxReplicas;
        this.downWindowSeconds = downWindowSeconds;
    }

    /** The documented defaults (target 50, proportion 0.90, replicas 1-20, no scale-down window). */
    public static OpenFaasProPolicy defaults(Mode mode, EnvironmentConfig environment) {
        return new OpenFaasProPolicy(mode == Mode.CAPACITY ? "openfaas-capacity" : "openfaas-queue", environment, mode,
                50, 0.90, 1, 20, 0, DEFAULT_PERIOD_SECONDS);
    }

    /**
     * The page's own examples for a function that handles one request at a time: capacity with target 1 and
     * proportion 0.95, queue with target 1 and proportion 1; replicas 1-20, scale-down window 5 min (the page's
     * example of smoothing).
     */
    public static OpenFaasProPolicy oneAtATime(Mode mode, EnvironmentConfig environment) {
        return mode == Mode.CAPACITY
                ? new OpenFaasProPolicy("openfaas-capacity-1", environment, mode, 1, 0.95, 1, 20, 300,
                        DEFAULT_PERIOD_SECONDS)
                : new OpenFaasProPolicy("openfaas-queue-1", environment, mode, 1, 1.0, 1, 20, 300,
                        DEFAULT_PERIOD_SECONDS);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected void resetRule() {
        recommendations.clear();
    }

    /** The load the mode measures, summed over the replicas. */
    public double load(Observation o, StepInfo info) {
        return switch (mode) {
            case CAPACITY -> FarmSignals.inService(o, info);
            case QUEUE -> FarmSignals.inService(o, info) + o.workerQueue();
        };
    }

    /** The formula's replica count before the window and bounds. */
    public int recommend(int readyPods, double totalLoad) {
        double meanPerPod = totalLoad / Math.max(1, readyPods);
        return (int) Math.ceil(readyPods * (meanPerPod / (target * proportion)) - 1e-9);
    }

    @Override
    protected int tick(double nowSeconds, int replicas, Observation o, StepInfo info) {
        int ready = (int) Math.round(o.workers());
        int recommended = Math.max(minReplicas, Math.min(maxReplicas, recommend(ready, load(o, info))));
        if (downWindowSeconds <= 0) {
            return recommended;
        }
        recommendations.addLast(new Stamped(nowSeconds, recommended));
        while (recommendations.peekFirst().seconds() <= nowSeconds - downWindowSeconds) {
            recommendations.removeFirst();
        }
        if (recommended >= replicas) {
            return recommended;
        }
        int highest = recommended;
        for (Stamped r : recommendations) {
            highest = Math.max(highest, r.value());
        }
        return Math.min(replicas, highest);
    }
}
