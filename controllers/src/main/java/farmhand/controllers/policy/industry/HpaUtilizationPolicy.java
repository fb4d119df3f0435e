package farmhand.controllers.policy.industry;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;
import farmhand.controllers.policy.Policy;

/**
 * The Kubernetes HPA on a utilisation metric: {@code desired = ceil(N * utilisation / target)},
 * left alone while {@code |utilisation / target - 1| <= tolerance}. Utilisation is the share of
 * workers busy, estimated from the enqueue counter minus the tasks waiting, in the result queue and
 * collected. The environment moves one worker per step, so the policy steps toward the desired count.
 *
 * <p>Stateless and thread-safe.
 */
public final class HpaUtilizationPolicy implements Policy {

    private final double targetUtilization;
    private final double tolerance;

    /**
     * @param targetUtilization target share of busy workers in (0, 1] (common choice: 0.7)
     * @param tolerance dead band around the target, in [0, 1) (Kubernetes default: 0.1)
     */
    public HpaUtilizationPolicy(double targetUtilization, double tolerance) {
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new IllegalArgumentException("targetUtilization must be in (0, 1], was " + targetUtilization);
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in [0, 1), was " + tolerance);
        }
        this.targetUtilization = targetUtilization;
        this.tolerance = tolerance;
    }

    /** Target 70 % busy, tolerance 0.1. */
    public static HpaUtilizationPolicy defaults() {
        return new HpaUtilizationPolicy(0.7, 0.1);
    }

    @Override
    public String name() {
        return "hpa-utilization";
    }

    /** The replica count the HPA would set now. */
    public int desiredReplicas(Observation o, StepInfo info) {
        double n = Math.max(1, o.workers());
        double inService = Math.max(0, info.enqueuedTotal() - (o.workerQueue() + o.resultQueue() + o.outputQueue()));
        // waiting tasks count as demand too: a saturated farm reports 100 % and more
        double utilization = (inService + o.workerQueue()) / n;
        double ratio = utilization / targetUtilization;
        if (Math.abs(ratio - 1) <= tolerance) {
            return (int) n;
        }
        return (int) Math.ceil(n * ratio);
    }

    @Override
    public Action act(Observation observation, StepInfo info) {
        int desired = desiredReplicas(observation, info);
        int current = (int) Math.round(observation.workers());
        return desired > current ? Action.SCALE_UP : desired < current ? Action.SCALE_DOWN : Action.NO_OP;
    }
}
