package farmhand.reproduction.cli;

import farmhand.farm.backend.FarmBackend;
import farmhand.farm.live.LiveFarmBackend;
import farmhand.farm.live.LiveFarmOptions;
import farmhand.farm.sim.SimulatedFarm;
import farmhand.reproduction.config.ExperimentConfig;
import java.util.List;

/** Makes the farm backend a command asked for. The one place backend names are mapped. */
public final class Backends {

    private Backends() {
    }

    /** Backend names accepted by {@link #create}. */
    public static List<String> names() {
        return List.of("sim", "live");
    }

    /**
     * The backend called {@code name}, configured from {@code config}.
     *
     * @param options live-farm options (Redis URL, time compression); ignored by the simulator
     * @throws IllegalArgumentException for an unknown name
     */
    public static FarmBackend create(String name, ExperimentConfig config, LiveOptions options) {
        return switch (name) {
            case "sim" -> new SimulatedFarm(config.simulator().toConfig(config.platform().profile()));
            case "live" -> {
                if (!(options.timeCompression() >= 1)) {
                    throw new IllegalArgumentException("--time-compression must be >= 1, was " + options.timeCompression());
                }
                yield LiveFarmBackend.create(LiveFarmOptions.defaults(options.timeCompression())
                                .withRedis(options.redis()).withPrefix(config.live().queuePrefix())
                                .withPollSeconds(config.live().pollSeconds()),
                        options.platformFactory(config.platform().profile()));
            }
            default -> throw new IllegalArgumentException(
                    "unknown backend '" + name + "': expected one of " + String.join(", ", names()));
        };
    }
}
