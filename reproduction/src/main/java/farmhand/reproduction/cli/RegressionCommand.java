package farmhand.reproduction.cli;

import farmhand.farm.live.EmbeddedRedis;
import farmhand.reproduction.config.ExperimentConfig;
import farmhand.reproduction.regression.Gate;
import farmhand.reproduction.regression.RegressionPlatform;
import farmhand.reproduction.regression.RegressionReport;
import farmhand.reproduction.regression.RegressionSuite;
import farmhand.reproduction.regression.RegressionSummary;
import farmhand.reproduction.regression.Thresholds;
import farmhand.reproduction.report.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;

/**
 * {@code farmhand regression}: the platform-regression gate. Runs a short, fixed suite on one
 * platform, writes {@code regression.json} and {@code regression.md}, and compares every figure
 * with the platform's committed baseline; exits 1 when one regressed, 2 on a usage error
 * (including a platform this build does not have).
 */
@Command(name = "regression", mixinStandardHelpOptions = true,
        description = {"Run the platform-regression suite on one platform and compare it with its baseline.",
            "Exit codes: 0 every figure within its threshold, 1 a figure regressed (or the suite failed), "
                + "2 usage error or platform not available in this build."})
public final class RegressionCommand implements Callable<Integer> {

    @Option(names = "--platform", required = true, paramLabel = "NAME",
            completionCandidates = Spellings.RegressionPlatforms.class, description = "${COMPLETION-CANDIDATES}")
    RegressionPlatform platform;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "baseline to compare with (default: ci/baselines/<platform>.json)")
    Path baseline;

    @Option(names = "--thresholds", paramLabel = "FILE", defaultValue = "ci/thresholds.yaml",
            description = "allowed changes per kind of figure (default: ${DEFAULT-VALUE})")
    Path thresholdsFile;

    @Option(names = "--out", paramLabel = "DIR", description = "where regression.json and regression.md go "
            + "(default: runs/regression/<platform>)")
    Path out;

    @Mixin
    OpenFaasOptions openfaas;

    @Option(names = "--redis", paramLabel = "URL",
            description = "openfaas: the farm's Redis, reachable by the functions (with --openfaas-redis as they "
                    + "see it) (default: a private redis-server, reachable only from this machine)")
    String redisUrl;

    @Option(names = "--update-baseline", description = "rewrite the baseline from this run instead of comparing")
    boolean updateBaseline;

    @Override
    public Integer call() {
        if (platform.unavailableReason().isPresent()) {
            System.err.println("farmhand regression: platform '" + platform.cliName() + "' is not available here: "
                    + platform.unavailableReason().get());
            return 2;
        }
        Path baselineFile = baseline != null ? baseline : Path.of("ci", "baselines", platform.cliName() + ".json");
        Path outDir = out != null ? out : Path.of("runs", "regression", platform.cliName());
        Thresholds thresholds = Thresholds.load(thresholdsFile, platform.cliName());
        RegressionReport previous = updateBaseline ? null : readBaseline(baselineFile);
        RegressionReport run = platform == RegressionPlatform.OPENFAAS ? OpenFaasRegression.measure(openfaas, redisUrl)
                : measure(platform);
        RegressionSummary summary;
        if (updateBaseline) {
            Json.write(baselineFile, run);
            System.out.println("rewrote the baseline " + baselineFile);
            summary = new RegressionSummary(run, null, thresholds, List.of(), true);
        } else {
            List<Gate.Verdict> verdicts = Gate.compare(previous, run, thresholds);
            summary = new RegressionSummary(run, baselineFile.toString(), thresholds, verdicts, Gate.passed(verdicts));
            verdicts.stream().filter(v -> !v.passed()).forEach(v -> System.out.println(v.line()));
        }
        Json.write(outDir.resolve("regression.json"), summary);
        String md = summary.markdown();
        try {
            Files.writeString(outDir.resolve("regression.md"), md);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outDir.resolve("regression.md") + ": " + e.getMessage(), e);
        }
        System.out.println();
        System.out.print(md);
        System.out.println("wrote " + outDir.resolve("regression.json") + " and regression.md");
        if (!summary.passed()) {
            long failed = summary.verdicts().stream().filter(v -> !v.passed()).count();
            System.err.println("farmhand regression: " + failed + " figure(s) regressed on " + platform.cliName()
                    + " against " + baselineFile);
            return 1;
        }
        return 0;
    }

    /** Runs the suite on {@code platform}: the simulator in-process, live platforms on a private Redis. */
    static RegressionReport measure(RegressionPlatform platform) {
        ExperimentConfig config = ExperimentConfig.paper();
        RegressionSuite suite = new RegressionSuite(config, line -> System.out.println("  " + line));
        System.out.println("regression suite on " + platform.cliName() + ":");
        if (!platform.live()) {
            return suite.run(platform, () -> Backend.SIM.create(config, new LiveOptions()), null);
        }
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            LiveOptions live = new LiveOptions();
            live.redisUrl = redis.url();
            live.timeCompression = LIVE_COMPRESSION;
            return suite.run(platform, () -> Backend.LIVE.create(config, live), redis.url());
        }
    }

    /**
     * Time compression of the live policy episodes: a 240 s episode in ~12 s of wall time (the
     * live farm's default; at 50 a loaded 2-core machine put static 15 at 62 % QoS instead of ~98 %).
     */
    static final double LIVE_COMPRESSION = 20;

    private static RegressionReport readBaseline(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no baseline at " + file
                    + ": make one with 'ci/regression --platform <name> --update-baseline'");
        }
        try {
            return Json.MAPPER.readValue(file.toFile(), RegressionReport.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read the baseline " + file + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }
}
