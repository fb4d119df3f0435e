package farmhand.controllers.policy.industry;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;
import farmhand.controllers.policy.Policy;
import java.util.Objects;

/**
 * A deployed autoscaler's rule run at its own period inside the farm's control steps. The rule
 * ticks at model times {@code p, 2p, ...} after the reset (p = {@link #periodSeconds()}); at each control step
 * every tick due since the previous step runs, in order, on the latest observation (the farm is
 * observed once per step: signals are sampled at step boundaries and held in between). The
 * replica count the last tick set becomes the step's action: the difference to the current worker
 * count, clamped to the environment's worker bounds and to its action space ({@code -k..+k}).
 * A rule that sets replica counts needs a wide action space; with the paper's {-1, 0, +1} it can
 * only walk toward its target one worker per step.
 *
 * <p>Not thread-safe: keeps the rule's state of the current episode.
 */
public abstract class PeriodicAutoscaler implements Policy {

    private final EnvironmentConfig environment;
    private final double periodSeconds;
    private double nextTickSeconds;
    private int scaleTarget = -1;

    /**
     * @param environment the control loop the rule runs in (worker bounds, action space)
     * @param periodSeconds the rule's own period in model seconds, {@code > 0}
     */
    protected PeriodicAutoscaler(EnvironmentConfig environment, double periodSeconds) {
        this.environment = Objects.requireNonNull(environment, "environment");
        if (!(periodSeconds > 0) || !Double.isFinite(periodSeconds)) {
            throw new IllegalArgumentException("periodSeconds must be > 0, was " + periodSeconds);
        }
        this.periodSeconds = periodSeconds;
    }

    /** The rule's period in model seconds. */
    public final double periodSeconds() {
        return periodSeconds;
    }

    /** The control loop this rule runs in. */
    public final EnvironmentConfig environment() {
        return environment;
    }

    @Override
    public final void reset(long seed) {
        nextTickSeconds = 0;
        scaleTarget = -1;
        resetRule();
    }

    /** Clears the rule's state at the start of an episode. */
    protected abstract void resetRule();

    /**
     * One tick of the rule.
     *
     * @param nowSeconds the tick's model time
     * @param replicas the replica count the deployment is set to (the last tick's target, or the observed workers)
     * @param o the latest observation
     * @param info the latest step info
     * @return the replica count the rule sets now (clamped to the environment's bounds by the caller)
     */
    protected abstract int tick(double nowSeconds, int replicas, Observation o, StepInfo info);

    /** Clamps {@code replicas} to the environment's [minWorkers, maxWorkers]. */
    protected final int clampToBounds(int replicas) {
        return Math.max(environment.minWorkers(), Math.min(environment.maxWorkers(), replicas));
    }

    @Override
    public final Action act(Observation observation, StepInfo info) {
        int current = (int) Math.round(observation.workers());
        if (info.step() == 0 && scaleTarget < 0) {
            // the rule starts watching at reset; its first evaluation is one period later (at reset the farm
            // has not received a task yet: a rule run then would scale an idle farm to its minimum)
            nextTickSeconds = info.nowSeconds() + periodSeconds;
        }
        int replicas = current;
        boolean ticked = false;
        while (nextTickSeconds <= info.nowSeconds() + 1e-9) {
            replicas = clampToBounds(tick(nextTickSeconds, replicas, observation, info));
            nextTickSeconds += periodSeconds;
            ticked = true;
        }
        if (ticked) {
            scaleTarget = replicas;
        }
        if (scaleTarget < 0) {
            return Action.NO_OP;
        }
        return environment.actionSpace().toward(current, scaleTarget);
    }

    /** The replica count the rule last set, or -1 before its first tick. */
    public final int scaleTarget() {
        return scaleTarget;
    }
}
