package farmhand.controllers.policy.industry;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;

/** Observations of a farm in a given state, for driving the deployed autoscalers' rules in tests. */
record FarmState(double seconds, int step, int workers, int busy, int waiting, double arrivalPerSecond) {

    /** The paper's loop with deltas as wide as its worker bounds [1, 32]. */
    static final EnvironmentConfig WIDE = EnvironmentConfig.paper().withMaxDeltaPerStep(31);

    Observation observation() {
        return new Observation(2, waiting, 0, 0, workers, 1.5, 1.5, arrivalPerSecond, 1.0);
    }

    /** Info whose enqueue counter makes {@code busy} tasks in service (nothing collected yet). */
    StepInfo info() {
        return new StepInfo(step, 0, 0, 0, 8, seconds, busy + waiting, 0, 1140, 0, 0, 0, 0, null);
    }

    /** A state at {@code seconds} (step number = seconds / 8). */
    static FarmState at(double seconds, int workers, int busy, int waiting) {
        return new FarmState(seconds, (int) Math.round(seconds / 8), workers, busy, waiting, 0);
    }

    FarmState arriving(double perSecond) {
        return new FarmState(seconds, step, workers, busy, waiting, perSecond);
    }
}
