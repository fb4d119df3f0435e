package farmhand.controllers.training;

import java.util.List;

/**
 * What a training run produced.
 *
 * @param <A> the agent type
 * @param agent the trained agent (the best validated snapshot when the plan keeps the best)
 * @param reports one report per episode run
 * @param selectedEpisode the episode after which the returned agent was taken
 * @param episodesTrained episodes trained in total, including those before a resume
 */
public record TrainingResult<A>(A agent, List<EpisodeReport> reports, int selectedEpisode, int episodesTrained) {
}
