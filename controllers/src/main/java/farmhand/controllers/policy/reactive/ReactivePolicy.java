package farmhand.controllers.policy.reactive;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;
import farmhand.controllers.policy.Policy;

/**
 * The paper's analytical baselines, ReactiveAverage and ReactiveMaximum (SPEC section 5). They
 * size the farm from the arrival rate, the queue and a service-time estimate S:
 *
 * <pre>
 *  H      = max(8, S, 1)
 *  opt    = max(1, lambda S + (Q / H) S)              lambda = obs7, Q = obs1
 *  active = max(0, E - (Q + obs2 + obs3))             E = enqueue counter from the last info
 *  busy   = min(N, max(0, active - (active &gt; 0 ? 1 : 0))) / H * S * adj
 *  delta  = opt - (N - busy)
 *  action = +1 if delta &gt;= 0.5, -1 if delta &lt;= -0.5, else 0
 * </pre>
 *
 * Average uses S = max(obs5, 0.1) and adj = 0.5; Maximum uses S = max(obs6, obs5, 0.1) and adj = 1.0.
 * Stateless and thread-safe.
 */
public final class ReactivePolicy implements Policy {

    /** Which service-time estimate the policy trusts. */
    public enum Estimate {
        /** Mean completion time of the window; adj 0.5. */
        AVERAGE("reactive-average", 0.5),
        /** Max completion time of the window; adj 1.0. */
        MAXIMUM("reactive-maximum", 1.0);

        private final String policyName;
        private final double adjustment;

        Estimate(String policyName, double adjustment) {
            this.policyName = policyName;
            this.adjustment = adjustment;
        }
    }

    private final Estimate estimate;
    private final double horizonSeconds;
    private final double threshold;

    /**
     * @param estimate average or maximum
     * @param horizonSeconds minimum horizon H in seconds, {@code > 0} (paper: 8, the step)
     * @param threshold |delta| that triggers an action, {@code > 0} (paper: 0.5)
     */
    public ReactivePolicy(Estimate estimate, double horizonSeconds, double threshold) {
        this.estimate = java.util.Objects.requireNonNull(estimate, "estimate");
        if (!(horizonSeconds > 0)) {
            throw new IllegalArgumentException("horizonSeconds must be > 0, was " + horizonSeconds);
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be > 0, was " + threshold);
        }
        this.horizonSeconds = horizonSeconds;
        this.threshold = threshold;
    }

    /** ReactiveAverage with the paper's parameters. */
    public static ReactivePolicy average() {
        return new ReactivePolicy(Estimate.AVERAGE, 8.0, 0.5);
    }

    /** ReactiveMaximum with the paper's parameters. */
    public static ReactivePolicy maximum() {
        return new ReactivePolicy(Estimate.MAXIMUM, 8.0, 0.5);
    }

    @Override
    public String name() {
        return estimate.policyName;
    }

    /** The continuous worker gap the policy thresholds (positive: too few workers). */
    public double delta(Observation o, StepInfo info) {
        double s = estimate == Estimate.AVERAGE
                ? Math.max(o.avgCompletionSeconds(), 0.1)
                : Math.max(Math.max(o.maxCompletionSeconds(), o.avgCompletionSeconds()), 0.1);
        double h = Math.max(Math.max(horizonSeconds, s), 1.0);
        double q = o.workerQueue();
        double opt = Math.max(1.0, o.arrivalRatePerSecond() * s + (q / h) * s);
        double active = Math.max(0.0, info.enqueuedTotal() - (q + o.resultQueue() + o.outputQueue()));
        double n = o.workers();
        double busy = Math.min(n, Math.max(0.0, active - (active > 0 ? 1 : 0))) / h * s * estimate.adjustment;
        return opt - (n - busy);
    }

    @Override
    public Action act(Observation observation, StepInfo info) {
        double d = delta(observation, info);
        if (d >= threshold) {
            return Action.SCALE_UP;
        }
        if (d <= -threshold) {
            return Action.SCALE_DOWN;
        }
        return Action.NO_OP;
    }
}
