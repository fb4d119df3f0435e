package farmhand.controllers.policy.industry;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;

/**
 * OpenFaaS Community Edition's legacy alert-based scaling (docs.openfaas.com/architecture/autoscaling/,
 * "Legacy scaling for the Community Edition"; openfaas/faas {@code gateway/scaling/ranges.go} and the
 * gateway's alert handler; the rule in faas-netes {@code chart/openfaas/templates/prometheus-cfg.yaml}):
 * Prometheus evaluates {@code APIHighInvocationRate}, {@code rate(gateway_function_invocation_total[10s]) > 5}
 * {@code for: 5s}; AlertManager posts each firing notification to the gateway, which adds
 * {@code ceil(max * factor / 100)} replicas (factor {@code com.openfaas.scale.factor} 20, max
 * {@code com.openfaas.scale.max} 20: 4 replicas), up to max; when the alert resolves, the gateway sets the
 * replicas back to {@code com.openfaas.scale.min} (1).
 *
 * <p>The signal is the farm's arrival rate (tasks enqueued per second over the last step), the
 * counterpart of the gateway's invocation rate. Timing: the rule is evaluated every
 * {@code evaluationSeconds} (Prometheus' evaluation interval, 15 s assumed); it fires when it held at two
 * consecutive evaluations (held for at least {@code for: 5s}); AlertManager repeats a firing
 * notification every {@code repeatSeconds} (30 s assumed) and sends the resolution when it stops.
 *
 * <p>Not thread-safe.
 */
public final class OpenFaasCeAlertPolicy extends PeriodicAutoscaler {

    private final double rateThreshold;
    private final int minReplicas;
    private final int maxReplicas;
    private final int factorPercent;
    private final double repeatSeconds;
    private boolean pending;
    private boolean firing;
    private double lastNotificationSeconds;

    /**
     * @param environment the control loop (bounds, action space)
     * @param rateThreshold the alert's rate threshold, invocations per second ({@code > 5} in the rule)
     * @param minReplicas {@code com.openfaas.scale.min}
     * @param maxReplicas {@code com.openfaas.scale.max}
     * @param factorPercent {@code com.openfaas.scale.factor}, 0-100
     * @param evaluationSeconds the rule's evaluation interval
     * @param repeatSeconds AlertManager's repeat interval for a firing alert
     */
    public OpenFaasCeAlertPolicy(EnvironmentConfig environment, double rateThreshold, int minReplicas, int maxReplicas,
                                 int factorPercent, double evaluationSeconds, double repeatSeconds) {
        super(environment, evaluationSeconds);
        if (minReplicas < 1 || maxReplicas < minReplicas || factorPercent < 0 || factorPercent > 100
                || !(repeatSeconds > 0) || !(rateThreshold >= 0)) {
            throw new IllegalArgumentException("need 1 <= min <= max, factor in 0-100, repeat > 0, threshold >= 0");
        }
        this.rateThreshold = rateThreshold;
        this.minReplicas = minReplicas;
        this.maxReplicas = maxReplicas;
        this.factorPercent = factorPercent;
        this.repeatSeconds = repeatSeconds;
    }

    /** The defaults: rate > 5/s for 5 s, replicas 1-20, factor 20 %, evaluation 15 s, repeat 30 s. */
    public static OpenFaasCeAlertPolicy defaults(EnvironmentConfig environment) {
        return new OpenFaasCeAlertPolicy(environment, 5, 1, 20, 20, 15, 30);
    }

    @Override
    public String name() {
        return "openfaas-ce-alert";
    }

    @Override
    protected void resetRule() {
        pending = false;
        firing = false;
        lastNotificationSeconds = Double.NEGATIVE_INFINITY;
    }

    /** Replicas one firing notification adds. */
    public int step() {
        return (int) Math.ceil(maxReplicas * factorPercent / 100.0);
    }

    @Override
    protected int tick(double nowSeconds, int replicas, Observation o, StepInfo info) {
        boolean high = o.arrivalRatePerSecond() > rateThreshold;
        if (!high) {
            pending = false;
            if (firing) {
                firing = false;
                return minReplicas; // resolved: back to the minimum
            }
            return replicas;
        }
        if (!firing && !pending) {
            pending = true; // active, waiting out 'for: 5s'
            return replicas;
        }
        if (!firing) {
            firing = true;
            lastNotificationSeconds = nowSeconds;
            return Math.min(maxReplicas, replicas + step());
        }
        if (nowSeconds - lastNotificationSeconds >= repeatSeconds - 1e-9) {
            lastNotificationSeconds = nowSeconds;
            return Math.min(maxReplicas, replicas + step());
        }
        return replicas;
    }
}
