package farmhand.controllers.policy;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;

/**
 * A controller that picks a scaling action from what the environment shows: the observation
 * and the info of the last step. Policies never see the backend.
 *
 * <p>A policy instance serves one episode at a time; {@link #reset} is called at every reset.
 */
public interface Policy {

    /** Name used on the command line and in reports, for example {@code reactive-average}. */
    String name();

    /** Called after every environment reset, before the first {@link #act}. */
    default void reset(long seed) {
    }

    /** The action to take now. */
    Action act(Observation observation, StepInfo info);
}
