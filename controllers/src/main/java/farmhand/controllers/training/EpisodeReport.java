package farmhand.controllers.training;

/**
 * What one training episode did (for progress bars and the training-curve figure).
 *
 * @param episode 0-based episode index over the whole training run (resumes continue it)
 * @param seed the workload seed the episode played
 * @param epsilon the exploration rate used
 * @param totalReward sum of rewards
 * @param finalQos share of collected tasks that met their deadline, in [0, 1]
 * @param meanWorkers mean worker count over steps
 * @param steps steps taken
 * @param scalingActions steps whose chosen action was not a no-op
 * @param greedyQos mean final QoS of the periodic greedy evaluation after this episode, or null when none ran
 * @param greedyWorkers mean workers of that evaluation, or null
 */
public record EpisodeReport(int episode, long seed, double epsilon, double totalReward, double finalQos,
                            double meanWorkers, int steps, int scalingActions, Double greedyQos, Double greedyWorkers) {
}
