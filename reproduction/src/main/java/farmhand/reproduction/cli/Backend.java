package farmhand.reproduction.cli;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import farmhand.farm.backend.FarmBackend;
import farmhand.farm.live.LiveFarmBackend;
import farmhand.farm.live.LiveFarmOptions;
import farmhand.farm.sim.SimulatedFarm;
import farmhand.farm.spelling.Spelled;
import farmhand.reproduction.config.ExperimentConfig;

/** Where an experiment's farm runs: the closed set of backends a command can ask for. */
public enum Backend implements Spelled {
    /** The discrete-event simulator. */
    SIM("sim"),
    /** The live farm: real Redis and functions on a platform ({@code --platform}). */
    LIVE("live");

    private final String spelling;

    Backend(String spelling) {
        this.spelling = spelling;
    }

    @JsonValue
    @Override
    public String spelling() {
        return spelling;
    }

    /**
     * This backend, configured from {@code config}.
     *
     * @param options live-farm options (Redis URL, time compression, platform); ignored by the simulator
     * @throws IllegalArgumentException for an invalid live option
     */
    public FarmBackend create(ExperimentConfig config, LiveOptions options) {
        return switch (this) {
            case SIM -> new SimulatedFarm(config.simulator().toConfig(config.platform().profile()));
            case LIVE -> {
                if (!(options.timeCompression() >= 1)) {
                    throw new IllegalArgumentException("--time-compression must be >= 1, was " + options.timeCompression());
                }
                yield LiveFarmBackend.create(LiveFarmOptions.defaults(options.timeCompression())
                                .withRedis(options.redis()).withPrefix(config.live().queuePrefix())
                                .withPollSeconds(config.live().pollSeconds()),
                        options.platformFactory(config.platform().profile()));
            }
        };
    }

    /**
     * The backend spelled {@code text}.
     *
     * @throws IllegalArgumentException listing the valid spellings for any other text
     */
    @JsonCreator
    public static Backend of(String text) {
        return Spelled.parse(Backend.class, "backend", text);
    }

    @Override
    public String toString() {
        return spelling;
    }
}
