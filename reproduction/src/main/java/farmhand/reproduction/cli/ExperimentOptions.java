package farmhand.reproduction.cli;

import farmhand.reproduction.config.ConfigLoader;
import farmhand.reproduction.config.ExperimentConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import picocli.CommandLine.Option;

/** The options every experiment command shares: configuration file, seed and episodes. */
public final class ExperimentOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "experiment YAML (defaults: the paper's values; see 'farmhand config')")
    Path config;

    @Option(names = "--seed", defaultValue = "42", description = "first seed; episode i uses seed + i (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--episodes", defaultValue = "10", description = "episodes (default: ${DEFAULT-VALUE})")
    int episodes;

    @Option(names = "--latency-profile", paramLabel = "NAME", completionCandidates = Spellings.LatencyProfiles.class,
            description = "override platform.latencyProfile: ${COMPLETION-CANDIDATES} or a .csv profile file")
    String latencyProfile;

    /** The experiment configuration: the file over the defaults, then command-line overrides. */
    public ExperimentConfig load() {
        ExperimentConfig c = config == null ? ExperimentConfig.paper() : ConfigLoader.load(config);
        if (latencyProfile != null) {
            c = c.withPlatform(c.platform().withLatencyProfile(latencyProfile));
        }
        return c;
    }

    /** The seeds {@code seed .. seed + episodes - 1}. */
    public List<Long> seeds() {
        if (episodes < 1) {
            throw new IllegalArgumentException("--episodes must be >= 1, was " + episodes);
        }
        return seeds(seed, episodes);
    }

    /** {@code count} consecutive seeds from {@code first}. */
    static List<Long> seeds(long first, int count) {
        return LongStream.range(first, first + count).boxed().toList();
    }
}
