package farmhand.reproduction.cli;

import farmhand.farm.workload.NamedWorkload;
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

    @Option(names = "--workload", split = ",", paramLabel = "NAME",
            description = "run another workload than the configured one: paper, as-described, shuffled, random-order, "
                    + "impulse, ramp, diurnal, heavy-tailed or trace=FILE (a CSV of arrivals); compare takes a comma-separated list")
    List<String> workloads;

    /**
     * The experiment configuration: the file over the defaults, then command-line overrides.
     *
     * @throws IllegalArgumentException when {@code --workload} lists more than one workload or an unknown one
     */
    public ExperimentConfig load() {
        ExperimentConfig c = loadWithoutWorkload();
        if (workloads != null) {
            if (workloads.size() != 1) {
                throw new IllegalArgumentException("--workload names one workload for this command, got " + workloads.size()
                        + " (" + String.join(",", workloads) + "); only compare takes a list");
            }
            c = c.withWorkload(NamedWorkload.parse(workloads.getFirst(), c.workload()));
        }
        return c;
    }

    /** The workloads {@code --workload} lists, or null when it is not given. */
    public List<String> workloadNames() {
        return workloads;
    }

    /** The configuration as {@link #load()} reads it, without applying {@code --workload}. */
    public ExperimentConfig loadWithoutWorkload() {
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
