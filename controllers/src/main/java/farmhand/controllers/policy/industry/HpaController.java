package farmhand.controllers.policy.industry;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The Kubernetes Horizontal Pod Autoscaler's replica arithmetic for one target, as the controller
 * computes it at every sync: the tolerance band around the target, the stabilisation windows
 * (highest recommendation of the scale-down window, lowest of the scale-up window) and the scaling
 * policies' rate limits, with the documented defaults in {@link Behavior#defaults()}.
 *
 * <p>Sources: kubernetes/kubernetes {@code pkg/controller/podautoscaler/horizontal.go}
 * ({@code stabilizeRecommendationWithBehaviors}, {@code convertDesiredReplicasWithBehaviorRate},
 * {@code calculateScaleUpLimitWithScalingRules}, {@code calculateScaleDownLimitWithBehaviors}) and
 * {@code replica_calculator.go} ({@code GetExternalPerPodMetricReplicas}: usage ratio
 * {@code metric / (target * replicas)}, left alone within the tolerance, else
 * {@code ceil(metric / target)}); the defaults on kubernetes.io "Horizontal Pod Autoscaling"
 * (sync period 15 s, {@code --horizontal-pod-autoscaler-tolerance} 0.1, scale-down stabilisation
 * 300 s, scale-up policies 100 % and 4 pods per 15 s with {@code selectPolicy: Max}, scale-down
 * 100 % per 15 s). Written by hand: the arithmetic is a few dozen lines of the controller.
 *
 * <p>Not thread-safe.
 */
public final class HpaController {

    /**
     * The {@code behavior} section of an HPA.
     *
     * @param upStabilizationSeconds scale-up stabilisation window (default 0)
     * @param downStabilizationSeconds scale-down stabilisation window (default 300)
     * @param upPercent scale-up policy: percent of the replicas at the period's start (default 100)
     * @param upPods scale-up policy: pods (default 4); the larger of the two is allowed ({@code selectPolicy: Max})
     * @param upPeriodSeconds period of the scale-up policies (default 15)
     * @param downPercent scale-down policy: percent of the replicas at the period's start (default 100)
     * @param downPeriodSeconds period of the scale-down policy (default 15)
     */
    public record Behavior(double upStabilizationSeconds, double downStabilizationSeconds, double upPercent,
                           int upPods, double upPeriodSeconds, double downPercent, double downPeriodSeconds) {

        public Behavior {
            if (upStabilizationSeconds < 0 || downStabilizationSeconds < 0 || upPercent < 0 || upPods < 0
                    || !(upPeriodSeconds > 0) || downPercent < 0 || downPercent > 100 || !(downPeriodSeconds > 0)) {
                throw new IllegalArgumentException("HPA behavior needs windows >= 0, policies >= 0 (scale-down "
                        + "percent <= 100) and periods > 0, was " + this);
            }
        }

        /** The Kubernetes defaults. */
        public static Behavior defaults() {
            return new Behavior(0, 300, 100, 4, 15, 100, 15);
        }
    }

    private record Stamped(double seconds, int value) {
    }

    private final double tolerance;
    private final Behavior behavior;
    private final ArrayDeque<Stamped> recommendations = new ArrayDeque<>();
    private final ArrayDeque<Stamped> scaleEvents = new ArrayDeque<>();

    /**
     * @param tolerance the dead band around a usage ratio of 1, in [0, 1) (Kubernetes default 0.1)
     * @param behavior stabilisation windows and scaling policies
     */
    public HpaController(double tolerance, Behavior behavior) {
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in [0, 1), was " + tolerance);
        }
        this.tolerance = tolerance;
        this.behavior = java.util.Objects.requireNonNull(behavior, "behavior");
    }

    /** Forgets the history; {@code replicas} is taken as the recommendation the deployment ran at until now. */
    public void reset(double nowSeconds, int replicas) {
        recommendations.clear();
        scaleEvents.clear();
        recommendations.addLast(new Stamped(nowSeconds, replicas));
    }

    /**
     * The raw recommendation for a usage ratio ({@code metric / target} per replica): the current count
     * within the tolerance, else {@code ceil(current * ratio)}.
     */
    public int recommend(int currentReplicas, double usageRatio) {
        if (Math.abs(1.0 - usageRatio) <= tolerance) {
            return currentReplicas;
        }
        return (int) Math.ceil(usageRatio * currentReplicas - 1e-9);
    }

    /**
     * The external-metric (AverageValue) recommendation: usage ratio {@code metric / (target * current)};
     * within the tolerance the current count, else {@code ceil(metric / target)}.
     */
    public int recommendAverageValue(int currentReplicas, double metric, double targetPerPod) {
        double ratio = metric / (targetPerPod * Math.max(1, currentReplicas));
        if (Math.abs(1.0 - ratio) <= tolerance) {
            return currentReplicas;
        }
        return (int) Math.ceil(metric / targetPerPod - 1e-9);
    }

    /**
     * One sync: stabilises {@code recommendation}, applies the rate limits and the bounds, records the
     * scale event, and returns the replica count to set.
     */
    public int sync(double nowSeconds, int currentReplicas, int recommendation, int minReplicas, int maxReplicas) {
        int up = recommendation;
        int down = recommendation;
        for (Stamped r : recommendations) {
            if (r.seconds() > nowSeconds - behavior.upStabilizationSeconds()) {
                up = Math.min(up, r.value());
            }
            if (r.seconds() > nowSeconds - behavior.downStabilizationSeconds()) {
                down = Math.max(down, r.value());
            }
        }
        int stabilized = currentReplicas;
        if (stabilized < up) {
            stabilized = up;
        }
        if (stabilized > down) {
            stabilized = down;
        }
        recommendations.addLast(new Stamped(nowSeconds, recommendation));
        double keep = Math.max(behavior.upStabilizationSeconds(), behavior.downStabilizationSeconds());
        while (recommendations.peekFirst().seconds() <= nowSeconds - keep && recommendations.size() > 1) {
            recommendations.removeFirst();
        }

        int desired;
        if (stabilized > currentReplicas) {
            int limit = Math.max(currentReplicas, scaleUpLimit(nowSeconds, currentReplicas));
            desired = Math.min(stabilized, Math.min(maxReplicas, limit));
        } else if (stabilized < currentReplicas) {
            int limit = Math.min(currentReplicas, scaleDownLimit(nowSeconds, currentReplicas));
            desired = Math.max(stabilized, Math.max(minReplicas, limit));
        } else {
            desired = Math.max(minReplicas, Math.min(maxReplicas, stabilized));
        }
        if (desired != currentReplicas) {
            scaleEvents.addLast(new Stamped(nowSeconds, desired - currentReplicas));
        }
        double keepEvents = Math.max(behavior.upPeriodSeconds(), behavior.downPeriodSeconds());
        while (!scaleEvents.isEmpty() && scaleEvents.peekFirst().seconds() <= nowSeconds - keepEvents) {
            scaleEvents.removeFirst();
        }
        return desired;
    }

    private int periodStart(double nowSeconds, int currentReplicas, double periodSeconds) {
        int start = currentReplicas;
        for (Iterator<Stamped> it = scaleEvents.iterator(); it.hasNext(); ) {
            Stamped e = it.next();
            if (e.seconds() > nowSeconds - periodSeconds) {
                start -= e.value();
            }
        }
        return start;
    }

    private int scaleUpLimit(double nowSeconds, int currentReplicas) {
        int start = periodStart(nowSeconds, currentReplicas, behavior.upPeriodSeconds());
        int byPods = start + behavior.upPods();
        int byPercent = (int) Math.ceil(start * (1 + behavior.upPercent() / 100.0) - 1e-9);
        return Math.max(byPods, byPercent);
    }

    private int scaleDownLimit(double nowSeconds, int currentReplicas) {
        int start = periodStart(nowSeconds, currentReplicas, behavior.downPeriodSeconds());
        return (int) (start * (1 - behavior.downPercent() / 100.0));
    }
}
