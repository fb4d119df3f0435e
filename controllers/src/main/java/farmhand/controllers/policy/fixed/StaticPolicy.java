package farmhand.controllers.policy.fixed;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;
import farmhand.controllers.policy.Policy;

/**
 * Fixed provisioning: never scales, so the farm keeps the workers it was reset with. The baseline
 * the paper left out: a learned policy is worth its complexity only where it beats this with fewer
 * workers. Stateless and thread-safe.
 */
public final class StaticPolicy implements Policy {

    @Override
    public String name() {
        return "static";
    }

    @Override
    public Action act(Observation observation, StepInfo info) {
        return Action.NO_OP;
    }
}
