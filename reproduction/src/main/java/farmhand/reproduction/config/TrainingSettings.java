package farmhand.reproduction.config;

import farmhand.controllers.reward.RewardPreset;
import java.util.Objects;

/**
 * How the learned policies are trained by {@code farmhand train} and {@code farmhand reproduce}.
 * The reward each agent trains with is a named preset (see {@link RewardPreset}); the
 * experiment's {@code reward} section is what evaluations report.
 *
 * @param seed training seed, fixes the trained model (default 1)
 * @param sarsaEpisodes SARSA(lambda) training episodes, {@code >= 1} (default 10,000; the paper used 260)
 * @param sarsaReward reward preset SARSA trains with (default {@code lean})
 * @param dqnEpisodes Double DQN training episodes, {@code >= 1} (default 300; the paper used 80)
 * @param dqnReward reward preset DQN trains with (default {@code lean})
 */
public record TrainingSettings(long seed, int sarsaEpisodes, RewardPreset sarsaReward, int dqnEpisodes,
                               RewardPreset dqnReward) {

    public TrainingSettings {
        if (sarsaEpisodes < 1) {
            throw new IllegalArgumentException("sarsaEpisodes must be >= 1, was " + sarsaEpisodes);
        }
        if (dqnEpisodes < 1) {
            throw new IllegalArgumentException("dqnEpisodes must be >= 1, was " + dqnEpisodes);
        }
        Objects.requireNonNull(sarsaReward, "sarsaReward");
        Objects.requireNonNull(dqnReward, "dqnReward");
    }

    /** farmhand's recipe. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(1, 10_000, RewardPreset.LEAN, 300, RewardPreset.LEAN);
    }
}
