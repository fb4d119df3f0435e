package farmhand.controllers.eval;

import farmhand.farm.backend.EpisodeHealth;
import farmhand.farm.queue.FarmAccount;

import java.util.List;

/**
 * The Table III metrics of one episode, with its per-step trace.
 *
 * @param seed the reset seed
 * @param initialWorkers workers at reset
 * @param steps steps taken
 * @param terminated true if all tasks were collected, false if cut at the step limit
 * @param finalQos share of all collected tasks that met their deadline, in [0, 1]
 * @param meanWorkers mean worker count over steps (after each step's action)
 * @param maxWorkers max worker count over steps
 * @param scalingActions requested non-zero actions
 * @param noops requested no-op actions
 * @param totalReward sum of rewards
 * @param collected tasks collected
 * @param deadLettered messages dead-lettered
 * @param lost tasks lost
 * @param phases per-phase means, phases 1..4
 * @param trace every step
 * @param account where every task went, measured by the backend (null when it keeps no account)
 * @param health what disturbed the episode (Redis retries and outages, crashes)
 * @param disturbed why the episode measures a fault rather than the policy, or null when it is clean
 */
public record EpisodeMetrics(long seed, int initialWorkers, int steps, boolean terminated, double finalQos,
                             double meanWorkers, int maxWorkers, int scalingActions, int noops,
                             double totalReward, int collected, int deadLettered, int lost,
                             List<PhaseMetrics> phases, List<StepRecord> trace, FarmAccount account,
                             EpisodeHealth health, String disturbed) {
}
