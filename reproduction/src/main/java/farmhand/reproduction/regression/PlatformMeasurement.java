package farmhand.reproduction.regression;

import farmhand.controllers.catalog.PolicyKind;
import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.eval.EpisodeMetrics;
import farmhand.controllers.eval.Evaluator;
import farmhand.controllers.policy.Policy;
import farmhand.controllers.policy.dqn.DqnPolicy;
import farmhand.controllers.policy.sarsa.SarsaPolicy;
import farmhand.farm.live.LiveFarmBackend;
import farmhand.farm.live.LiveFarmOptions;
import farmhand.farm.platform.EmpiricalLatencyProfile;
import farmhand.farm.queue.FarmAccount;
import farmhand.farm.queue.RedisEndpoint;
import farmhand.reproduction.config.ExperimentConfig;
import farmhand.reproduction.scaling.PlatformVariant;
import farmhand.reproduction.scaling.ScaleUpLatency;
import farmhand.reproduction.scaling.ScalingCurve;
import farmhand.reproduction.scaling.ScalingExperiment;
import farmhand.reproduction.scaling.ScalingSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the k3s suite measures of the farm on one live platform (OpenFaaS on k3s there; the local
 * platform and the OpenFaaS gateway double in this module's tests): the scale-up latency of
 * several workers, Fig. 2's 30 s window at N = 1, 2, 4, one short episode per policy (the two
 * reactive baselines, SARSA and DQN trained on the simulator) with the farm's account, and the
 * measured scale times as a latency profile compared with the paper's (SPEC section 7).
 */
public final class PlatformMeasurement {

    /** The policies of the per-policy episodes, in the order they run. */
    public static final List<String> POLICIES = List.of("reactive-average", "reactive-maximum", "sarsa", "dqn");
    /** The fewest scale-ups a latency measurement takes (the issue asks for at least 5 workers). */
    public static final int MIN_SCALE_UPS = 5;

    private final ExperimentConfig config;
    private final String redisUrl;
    private final PlatformVariant platform;
    private final double episodeCompression;

    /**
     * @param config the experiment (environment, reactive parameters, training)
     * @param redisUrl the farm's Redis, as this JVM reaches it
     * @param platform where the functions run
     * @param episodeCompression time compression of the per-policy episodes, {@code >= 1}
     */
    public PlatformMeasurement(ExperimentConfig config, String redisUrl, PlatformVariant platform,
                               double episodeCompression) {
        if (!(episodeCompression >= 1)) {
            throw new IllegalArgumentException("episodeCompression must be >= 1, was " + episodeCompression);
        }
        this.config = config;
        this.redisUrl = redisUrl;
        this.platform = platform;
        this.episodeCompression = episodeCompression;
    }

    /**
     * {@code config} with N_max lowered to {@code maxWorkers}: on OpenFaaS CE with a function per
     * worker, 15 functions leave 13 workers beside the emitter and collector. The agents' observation
     * space is fixed (the paper's), so SARSA and DQN trained for N_max 32 still read it the same way.
     */
    public static ExperimentConfig capped(ExperimentConfig config, int maxWorkers) {
        EnvironmentConfig e = config.environment();
        EnvironmentConfig env = new EnvironmentConfig(e.stepSeconds(), e.maxSteps(),
                Math.min(e.initialWorkers(), maxWorkers), e.minWorkers(), maxWorkers, e.windowSeconds(),
                e.idleCompletionSeconds(), e.settleSeconds());
        return new ExperimentConfig(config.workload(), env, config.reward(), config.platform(), config.simulator(),
                config.reactive(), config.sarsa(), config.dqn(), config.training(), config.live());
    }

    /** Scale-up latency over {@code scaleUps} consecutive scale-ups (request to first task taken), uncompressed. */
    public ScaleUpLatency scaleUps(int scaleUps) {
        if (scaleUps < MIN_SCALE_UPS) {
            throw new IllegalArgumentException("scaleUps must be >= " + MIN_SCALE_UPS + ", was " + scaleUps);
        }
        return ScaleUpLatency.measure(redisUrl, platform, scaleUps, 42);
    }

    /** Fig. 2's 30 s window (120 tasks of 2.04 s) at N = 1, 2, 4, at time compression {@code compression}. */
    public ScalingCurve figureTwo(double compression) {
        ScalingSettings settings = figureTwoSettings(compression);
        return new ScalingExperiment(settings, redisUrl, platform, r -> { }).runOn(List.of(platform), p -> { });
    }

    /**
     * One episode of a policy on the platform.
     *
     * @param policy the policy's name
     * @param metrics the episode's metrics (final QoS, mean workers, steps)
     * @param account where every task went (null when the backend keeps none)
     */
    public record PolicyEpisode(String policy, EpisodeMetrics metrics, FarmAccount account) {

        /** True when every generated task was collected or dead-lettered, none lost. */
        public boolean balanced() {
            return account != null && account.balances();
        }

        /** One line: policy, QoS, workers, account. */
        public String line() {
            return String.format(Locale.ROOT, "%s: final QoS %.2f %%, mean workers %.2f, %s", policy,
                    100 * metrics.finalQos(), metrics.meanWorkers(), account == null ? "no account" : account.describe());
        }
    }

    /** One episode per policy of {@link #POLICIES} on seed {@code seed}, SARSA and DQN as {@code trained}. */
    public List<PolicyEpisode> episodes(RegressionSuite.TrainedAgents trained, long seed) {
        List<PolicyEpisode> out = new ArrayList<>();
        for (String name : POLICIES) {
            Policy policy = switch (name) {
                case "sarsa" -> new SarsaPolicy(trained.sarsa());
                case "dqn" -> new DqnPolicy(trained.dqn());
                default -> PolicyKind.of(name).create(null, config.reactive(), config.environment());
            };
            try (FarmEnvironment env = config.environment(backend())) {
                EpisodeMetrics m = new Evaluator(env).runEpisode(policy, seed, config.environment().initialWorkers());
                out.add(new PolicyEpisode(name, m, m.account()));
            }
        }
        return out;
    }

    private LiveFarmBackend backend() {
        return liveBackend(config, redisUrl, platform, episodeCompression);
    }

    /**
     * A live farm on {@code platform} with the experiment's key prefix and poll interval.
     *
     * @param compression model seconds per wall second, {@code >= 1}
     */
    public static LiveFarmBackend liveBackend(ExperimentConfig config, String redisUrl, PlatformVariant platform,
                                              double compression) {
        return LiveFarmBackend.create(LiveFarmOptions.defaults(compression).withRedis(RedisEndpoint.of(redisUrl))
                        .withPrefix(config.live().queuePrefix()).withPollSeconds(config.live().pollSeconds()),
                o -> platform.create().apply(o.compression()));
    }

    /** Fig. 2's 30 s window of the gate ({@link RegressionSuite#SCALING}) at N = 1, 2, 4 and {@code compression}. */
    public static ScalingSettings figureTwoSettings(double compression) {
        ScalingSettings s = RegressionSuite.SCALING;
        return new ScalingSettings(s.tasks(), s.serviceSeconds(), s.windowsSeconds(), List.of(1, 2, 4), compression,
                s.seed());
    }

    /**
     * The measured scale times beside the paper's (SPEC section 7: scale-up mean 6.5 s, scale-down mean
     * 2.6 s on its OpenFaaS cluster), as means in seconds.
     *
     * @param measuredUpMeanSeconds mean time a scale-up blocked the control step here
     * @param paperUpMeanSeconds the same on the paper's cluster
     * @param measuredDownMeanSeconds mean time a scale-down blocked the control step here
     * @param paperDownMeanSeconds the same on the paper's cluster
     */
    public record ProfileComparison(double measuredUpMeanSeconds, double paperUpMeanSeconds,
                                    double measuredDownMeanSeconds, double paperDownMeanSeconds) {

        /** Measured over paper, scale-up. */
        public double upRatio() {
            return measuredUpMeanSeconds / paperUpMeanSeconds;
        }

        /** Measured over paper, scale-down. */
        public double downRatio() {
            return measuredDownMeanSeconds / paperDownMeanSeconds;
        }

        /** A Markdown table of both directions. */
        public String markdown() {
            return String.format(Locale.ROOT, """
                    | scale action | measured mean (s) | paper mean (s) | measured / paper |
                    |---|---|---|---|
                    | up | %.3f | %.3f | %.3f |
                    | down | %.3f | %.3f | %.3f |
                    """, measuredUpMeanSeconds, paperUpMeanSeconds, upRatio(), measuredDownMeanSeconds,
                    paperDownMeanSeconds, downRatio());
        }
    }

    /**
     * Reads a measured latency profile (the CSV {@link ScaleUpLatency#profileCsv} writes, which the
     * simulator loads) and compares its means with the paper's measured OpenFaaS profile.
     *
     * @param profileCsv the measured profile
     * @param source where it came from, for error messages
     * @throws IllegalArgumentException when the CSV is not a latency profile
     */
    public static ProfileComparison compareWithPaper(String profileCsv, String source) {
        EmpiricalLatencyProfile measured;
        try {
            measured = EmpiricalLatencyProfile.read("measured", new ByteArrayInputStream(
                    profileCsv.getBytes(StandardCharsets.UTF_8)), source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the measured profile " + source + ": " + e.getMessage(), e);
        }
        EmpiricalLatencyProfile paper = (EmpiricalLatencyProfile) farmhand.farm.platform.LatencyProfile.openFaasMeasured();
        return new ProfileComparison(measured.meanUpSeconds(), paper.meanUpSeconds(), measured.meanDownSeconds(),
                paper.meanDownSeconds());
    }
}
