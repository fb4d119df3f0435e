package farmhand.controllers.policy.industry;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.Action;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;
import farmhand.controllers.policy.Policy;
import java.util.ArrayDeque;

/**
 * What a platform team would deploy instead of a learned policy: KEDA's Redis-list scaler driving
 * the Kubernetes HPA. The desired replica count is {@code ceil(listLength / listLengthTarget)}
 * (the HPA's AverageValue rule), clamped to [minReplicas, maxReplicas]; scale-up is immediate,
 * scale-down follows the HPA's stabilisation window (the highest recommendation of the last
 * {@code stabilizationSeconds}, the size the episode started with counting as one). Because the environment moves one worker per step, the policy
 * steps one worker toward the desired count.
 *
 * <p>Not thread-safe: keeps the recommendations of the current episode.
 */
public final class KedaRedisListPolicy implements Policy {

    private final double listLengthTarget;
    private final int minReplicas;
    private final int maxReplicas;
    private final double stabilizationSeconds;
    private final ArrayDeque<double[]> recommendations = new ArrayDeque<>();

    /**
     * @param listLengthTarget tasks per replica KEDA aims at, {@code > 0} (KEDA default: 5)
     * @param minReplicas lower bound, {@code >= 1}
     * @param maxReplicas upper bound, {@code >= minReplicas}
     * @param stabilizationSeconds HPA scale-down stabilisation window, {@code >= 0} (Kubernetes default: 300)
     */
    public KedaRedisListPolicy(double listLengthTarget, int minReplicas, int maxReplicas, double stabilizationSeconds) {
        if (!(listLengthTarget > 0)) {
            throw new IllegalArgumentException("listLengthTarget must be > 0, was " + listLengthTarget);
        }
        if (minReplicas < 1 || maxReplicas < minReplicas) {
            throw new IllegalArgumentException("replicas must satisfy 1 <= minReplicas <= maxReplicas, were "
                    + minReplicas + ".." + maxReplicas);
        }
        if (!(stabilizationSeconds >= 0)) {
            throw new IllegalArgumentException("stabilizationSeconds must be >= 0, was " + stabilizationSeconds);
        }
        this.listLengthTarget = listLengthTarget;
        this.minReplicas = minReplicas;
        this.maxReplicas = maxReplicas;
        this.stabilizationSeconds = stabilizationSeconds;
    }

    /** KEDA's defaults (listLength 5, HPA window 300 s) within the paper's bounds [1, 32]. */
    public static KedaRedisListPolicy defaults() {
        return defaults(EnvironmentConfig.paper());
    }

    /** KEDA's defaults (listLength 5, HPA window 300 s) within the experiment's [minWorkers, maxWorkers]. */
    public static KedaRedisListPolicy defaults(EnvironmentConfig environment) {
        return new KedaRedisListPolicy(5, environment.minWorkers(), environment.maxWorkers(), 300);
    }

    @Override
    public String name() {
        return "keda-redis-list";
    }

    @Override
    public void reset(long seed) {
        recommendations.clear();
    }

    /** The replica count the HPA would set now (after stabilisation). */
    public int desiredReplicas(Observation o, StepInfo info) {
        int raw = (int) Math.ceil(o.workerQueue() / listLengthTarget);
        raw = Math.max(minReplicas, Math.min(maxReplicas, raw));
        double now = info.nowSeconds();
        int current = (int) Math.round(o.workers());
        if (recommendations.size() > 1 && recommendations.peekLast()[0] == now) {
            recommendations.removeLast(); // one recommendation per instant: the latest
        }
        if (recommendations.isEmpty()) {
            // the deployment ran at its current size before the episode: that is the first recommendation
            recommendations.addLast(new double[] {now, current});
        }
        recommendations.addLast(new double[] {now, raw});
        while (!recommendations.isEmpty() && recommendations.peekFirst()[0] < now - stabilizationSeconds) {
            recommendations.removeFirst();
        }
        if (raw >= current) {
            return raw;
        }
        double highest = raw;
        for (double[] r : recommendations) {
            highest = Math.max(highest, r[1]);
        }
        return (int) Math.min(current, highest);
    }

    @Override
    public Action act(Observation observation, StepInfo info) {
        int desired = desiredReplicas(observation, info);
        int current = (int) Math.round(observation.workers());
        return desired > current ? Action.SCALE_UP : desired < current ? Action.SCALE_DOWN : Action.NO_OP;
    }
}
