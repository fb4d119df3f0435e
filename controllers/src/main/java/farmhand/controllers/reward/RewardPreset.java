package farmhand.controllers.reward;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import farmhand.farm.spelling.Spelled;

/** The named reward weightings (YAML {@code reward.preset}, {@code training.sarsaReward}, {@code training.dqnReward}). */
public enum RewardPreset implements Spelled {
    /** {@link RewardConfig#DEFAULT}. */
    DEFAULT("default", RewardConfig.DEFAULT),
    /** {@link RewardConfig#PAPER_SARSA}. */
    PAPER_SARSA("paper-sarsa", RewardConfig.PAPER_SARSA),
    /** {@link RewardConfig#LEAN}. */
    LEAN("lean", RewardConfig.LEAN);

    private final String spelling;
    private final RewardConfig config;

    RewardPreset(String spelling, RewardConfig config) {
        this.spelling = spelling;
        this.config = config;
    }

    @JsonValue
    @Override
    public String spelling() {
        return spelling;
    }

    /** The weights of this preset. */
    public RewardConfig config() {
        return config;
    }

    /**
     * The preset spelled {@code text}.
     *
     * @throws IllegalArgumentException listing the valid spellings for any other text
     */
    @JsonCreator
    public static RewardPreset of(String text) {
        return Spelled.parse(RewardPreset.class, "reward preset", text);
    }

    @Override
    public String toString() {
        return spelling;
    }
}
