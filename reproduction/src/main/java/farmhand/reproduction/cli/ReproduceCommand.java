package farmhand.reproduction.cli;

import farmhand.farm.platform.PlatformKind;
import farmhand.reproduction.config.ExperimentConfig;
import farmhand.reproduction.pipeline.Reproduction;
import farmhand.reproduction.scaling.ScalingReport;
import farmhand.reproduction.scaling.ScalingSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code farmhand reproduce}: the main job. Trains SARSA(lambda) and Double DQN from scratch on the simulator,
 * then evaluates every policy the way Table III was made
 * (10 greedy episodes, seeds 42-51, 12 initial workers, on the calibrated simulator by default),
 * prints the table beside the paper's and writes it with every episode's trace to {@code --out}; then
 * evaluates every policy again on {@code --lead-episodes} common seeds (default 200) on the simulator and
 * reports each learned policy's lead over the better reactive baseline, paired by seed; finally plans the
 * clairvoyant oracle on the table's seeds and reports every policy's distance to its frontier.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce Table III: evaluate every policy and write the table and traces to --out.")
public final class ReproduceCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "runs/reproduction", paramLabel = "DIR",
            description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--backend", defaultValue = "sim", completionCandidates = Spellings.Backends.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Backend backend;

    @Option(names = "--scaling-curve", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "also run Fig. 2's 30 s-window scaling curve on the live farm (~1.5 min; with --platform "
                    + "docker every function a container, N = 1..16 at --time-compression, ~15 min; "
                    + "default: ${DEFAULT-VALUE}; 'farmhand scaling-curve' runs every window and platform)")
    boolean scalingCurve;

    @Option(names = "--lead-episodes", defaultValue = "200", paramLabel = "N",
            description = "also evaluate every policy on N common seeds (from --seed) on the simulator and report each "
                    + "learned policy's lead over the better reactive baseline, paired by seed; 0 skips "
                    + "(default: ${DEFAULT-VALUE})")
    int leadEpisodes;

    @Option(names = "--oracle", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "also plan the clairvoyant oracle on the table's seeds (simulator, ~35 s for 10 seeds) and "
                    + "report its QoS -> workers frontier and each policy's distance to it (default: ${DEFAULT-VALUE})")
    boolean oracle;

    @Mixin
    ExperimentOptions experiment;

    @Mixin
    LiveOptions live;

    @Override
    public Integer call() {
        if (leadEpisodes < 0) {
            throw new IllegalArgumentException("--lead-episodes must be >= 0, was " + leadEpisodes);
        }
        OutputPaths.requireWritableFolder(out, "--out");
        ExperimentConfig config = experiment.load();
        List<Long> seeds = experiment.seeds();
        String configuration = (experiment.config == null ? "the paper's defaults" : "`" + experiment.config + "`")
                + " ([config.yaml](config.yaml) lists every value), seeds " + seeds.getFirst() + "-" + seeds.getLast()
                + ", backend " + backend + ", latency profile " + config.platform().latencyProfile()
                + ", training seed " + config.training().seed();
        Reproduction.FigureTwo figureTwo = scalingCurve ? this::reproduceFigureTwo : null;
        new Reproduction(config, c -> backend.create(c, live), System.err).run(new Reproduction.Plan(out, seeds,
                leadEpisodes, oracle, backend.spelling(), commandLine(), configuration, figureTwo), System.out);
        return 0;
    }

    /** This command as it was typed, for the run's index. */
    private String commandLine() {
        StringBuilder sb = new StringBuilder("./farmhand reproduce --out ").append(out);
        if (experiment.config != null) {
            sb.append(" --config ").append(experiment.config);
        }
        if (backend != Backend.SIM) {
            sb.append(" --backend ").append(backend);
        }
        if (live.platform() != PlatformKind.LOCAL) {
            sb.append(" --platform ").append(live.platform());
        }
        if (!scalingCurve) {
            sb.append(" --no-scaling-curve");
        }
        return sb.toString();
    }

    /**
     * Fig. 2 for the 30 s window: speedups of the live farm, its initialisation on both local platform variants;
     * with {@code --platform docker}, every function a container (N = 1..16 at the live options' time compression,
     * scale-up latency over 20 scale-ups); with {@code --platform openfaas}, everything on the gateway (within its
     * limits).
     */
    private ScalingReport reproduceFigureTwo(Path dir) {
        ScalingSettings settings = figureTwoSettings(live.platform(), live.timeCompression());
        ScalingReport report = switch (live.platform()) {
            case OPENFAAS -> OpenFaasScalingCurve.measure(settings, live.openfaas, live.redisUrl(), 50); // on the gateway
            case DOCKER -> ScalingCurveCommand.measureOnDocker(settings, live.docker().config(), live.redisUrl(),
                    DOCKER_SCALE_UPS);
            default -> ScalingCurveCommand.measure(settings, ScalingCurveCommand.PLATFORMS, live.redisUrl(), 50);
        };
        ScalingCurveCommand.write(report, dir.resolve("fig2-scaling-curve.json"), dir.resolve("fig2-scaling-curve.md"),
                dir.resolve("fig2-speedup.png"));
        return report;
    }

    /** Scale-ups timed for Fig. 2's latency on the Docker platform (the bar: at least 20). */
    static final int DOCKER_SCALE_UPS = 20;

    /**
     * What Fig. 2 runs on {@code platform}: the paper's 30 s window; on docker N = 1..16 (34 JVM containers
     * of N = 32 do not fit two cores) at {@code liveCompression}, elsewhere the paper's N = 1..32 at its
     * default compression.
     */
    static ScalingSettings figureTwoSettings(PlatformKind platform, double liveCompression) {
        ScalingSettings paper = ScalingSettings.paper().withWindows(List.of(30.0));
        if (platform != PlatformKind.DOCKER) {
            return paper;
        }
        return new ScalingSettings(paper.tasks(), paper.serviceSeconds(), paper.windowsSeconds(),
                List.of(1, 2, 4, 8, 16), liveCompression, paper.seed());
    }
}
