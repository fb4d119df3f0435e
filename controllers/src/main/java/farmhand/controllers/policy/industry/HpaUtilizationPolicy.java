package farmhand.controllers.policy.industry;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;

/**
 * The Kubernetes HPA on a utilisation metric: {@code desired = ceil(current * utilisation / target)},
 * left alone while {@code |utilisation / target - 1| <= 0.1}, synced every 15 s with the default
 * stabilisation and rate limits of {@link HpaController} (source: kubernetes.io "Horizontal Pod
 * Autoscaling", algorithm details; kubernetes/kubernetes {@code pkg/controller/podautoscaler/}).
 * Utilisation is the share of workers busy, counting the tasks waiting as demand too (a saturated
 * farm reports 100 % and more, as CPU requests do), target 70 %.
 *
 * <p>Not thread-safe.
 */
public final class HpaUtilizationPolicy extends PeriodicAutoscaler {

    private final double targetUtilization;
    private final HpaController hpa;
    private boolean started;

    /**
     * @param environment the control loop (bounds, action space)
     * @param targetUtilization target share of busy workers in (0, 1] (common choice: 0.7)
     * @param tolerance dead band around the target, in [0, 1) (Kubernetes default: 0.1)
     */
    public HpaUtilizationPolicy(EnvironmentConfig environment, double targetUtilization, double tolerance) {
        super(environment, KedaRedisListPolicy.HPA_SYNC_SECONDS);
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new IllegalArgumentException("targetUtilization must be in (0, 1], was " + targetUtilization);
        }
        this.targetUtilization = targetUtilization;
        this.hpa = new HpaController(tolerance, HpaController.Behavior.defaults());
    }

    /** Target 70 % busy, tolerance 0.1. */
    public static HpaUtilizationPolicy defaults(EnvironmentConfig environment) {
        return new HpaUtilizationPolicy(environment, 0.7, 0.1);
    }

    @Override
    public String name() {
        return "hpa-utilization";
    }

    @Override
    protected void resetRule() {
        started = false;
    }

    /** The utilisation the HPA reads: tasks in service or waiting, per worker. */
    public static double utilization(Observation o, StepInfo info) {
        return FarmSignals.inFlight(o, info) / Math.max(1, o.workers());
    }

    @Override
    protected int tick(double nowSeconds, int replicas, Observation o, StepInfo info) {
        if (!started) {
            hpa.reset(nowSeconds, replicas);
            started = true;
        }
        int recommendation = hpa.recommend(replicas, utilization(o, info) / targetUtilization);
        return hpa.sync(nowSeconds, replicas, recommendation, environment().minWorkers(), environment().maxWorkers());
    }
}
