package farmhand.reproduction.regression;

import farmhand.controllers.catalog.PolicyKind;
import farmhand.controllers.env.Action;
import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.ResetResult;
import farmhand.controllers.env.StepInfo;
import farmhand.controllers.env.StepResult;
import farmhand.controllers.eval.EpisodeMetrics;
import farmhand.controllers.eval.Evaluation;
import farmhand.controllers.eval.Evaluator;
import farmhand.controllers.policy.Policy;
import farmhand.controllers.policy.dqn.DqnAgent;
import farmhand.controllers.policy.dqn.DqnPolicy;
import farmhand.controllers.policy.sarsa.SarsaAgent;
import farmhand.controllers.policy.sarsa.SarsaPolicy;
import farmhand.controllers.training.TrainingPlan;
import farmhand.farm.backend.FarmBackend;
import farmhand.farm.sim.SimulatedFarm;
import farmhand.reproduction.config.ExperimentConfig;
import farmhand.reproduction.scaling.PlatformVariant;
import farmhand.reproduction.scaling.ScaleUpLatency;
import farmhand.reproduction.scaling.ScalingCurve;
import farmhand.reproduction.scaling.ScalingExperiment;
import farmhand.reproduction.scaling.ScalingPoint;
import farmhand.reproduction.scaling.ScalingSettings;
import farmhand.reproduction.training.AgentTraining;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The regression gate's short, fixed suite on one platform: the reference duration, the
 * controllers' decision costs, on live platforms the scale-up latency, Fig. 2's speedups and the
 * data path, and every baseline policy's final QoS and mean workers on fixed seeds. Timings are
 * stored as ratios to the reference measured in the same run; the reference and the decision
 * costs take the fastest of several repeats, the estimate least moved by other load on the machine.
 * Not thread-safe.
 */
public final class RegressionSuite {

    /** Episode seeds on the simulator (it is fast and deterministic). */
    static final List<Long> SIM_SEEDS = List.of(42L, 43L, 44L);
    /** Episode seeds on live platforms (an episode takes seconds of wall time there). */
    static final List<Long> LIVE_SEEDS = List.of(42L);
    /** Fixed provisioning the gate runs beside the reactive and industry policies. */
    static final int STATIC_WORKERS = 15;
    /** Scale-ups over which a live platform's scale-up latency is measured. */
    public static final int SCALE_UPS = 10;
    /** Fig. 2's 30 s window, short: 120 tasks of 2.04 s at N = 1, 2, 4, time compression 50. */
    public static final ScalingSettings SCALING = new ScalingSettings(120, 2.04, List.of(30.0), List.of(1, 2, 4),
            ScalingSettings.DEFAULT_COMPRESSION, 42);

    /**
     * The reference is the fastest of the episodes run over at least {@link #REFERENCE_MIN_RUNS} runs and
     * {@link #REFERENCE_MIN_SECONDS} of wall time: long enough for the JIT to have compiled the simulator whatever
     * else the JVM is compiling (the slower runs before that cannot be the fastest). It was the fastest of 15 after 300
     * warm-up runs, which in a fresh JVM came out 0.28-0.34 ms against a steady 0.19 ms, so every ratio of a run
     * moved with how far the JIT had got.
     */
    private static final int REFERENCE_MIN_RUNS = 3000;
    private static final double REFERENCE_MIN_SECONDS = 2.0;
    private static final int DECISION_REPEATS = 21;
    private static final int DECISIONS_PER_REPEAT = 50_000;
    /**
     * Untimed repeats per policy before any is timed (400,000 decisions). With 100,000, one run on a loaded
     * machine (load ~12) timed reactive-maximum at 114 ns instead of ~10, likely before its code was
     * compiled (the JIT's compiler threads lag under load); not verified.
     */
    private static final int WARMUP_REPEATS = 8;

    private final ExperimentConfig config;
    private final Consumer<String> progress;

    /**
     * @param config the experiment (workload, environment, reactive parameters, simulator)
     * @param progress told what is being measured, one line at a time
     */
    public RegressionSuite(ExperimentConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    /**
     * A policy whose QoS and workers the gate compares.
     *
     * @param label the figure's name after {@code qos.} and {@code workers.}
     * @param make a fresh policy for one evaluation
     * @param initialWorkers workers at an episode's start
     */
    record PolicyRun(String label, Supplier<Policy> make, int initialWorkers) {
    }

    /**
     * The gate's policies: the two reactive baselines, static 15, KEDA, HPA, and SARSA and DQN as
     * {@code trained} made them.
     */
    List<PolicyRun> policyRuns(TrainedAgents trained) {
        int initial = config.environment().initialWorkers();
        List<PolicyRun> runs = new ArrayList<>();
        for (PolicyKind kind : List.of(PolicyKind.REACTIVE_AVERAGE, PolicyKind.REACTIVE_MAXIMUM)) {
            runs.add(new PolicyRun(kind.spelling(), named(kind), initial));
        }
        runs.add(new PolicyRun("static-" + STATIC_WORKERS, named(PolicyKind.STATIC), STATIC_WORKERS));
        for (PolicyKind kind : List.of(PolicyKind.KEDA_REDIS_LIST, PolicyKind.HPA_UTILIZATION)) {
            runs.add(new PolicyRun(kind.spelling(), named(kind), initial));
        }
        runs.add(new PolicyRun("sarsa", () -> new SarsaPolicy(trained.sarsa()), initial));
        runs.add(new PolicyRun("dqn", () -> new DqnPolicy(trained.dqn()), initial));
        return runs;
    }

    /**
     * SARSA and DQN as the gate trains them: on the simulator, from the experiment's training seed,
     * for the experiment's episode counts (10,000 SARSA, 300 DQN episodes by default), keeping the
     * snapshot validation selects. The simulator is deterministic, so the same build trains the same
     * agents on every machine; a platform's episodes then show how the platform treats them.
     *
     * @param sarsa the trained SARSA(lambda) agent
     * @param dqn the trained Double DQN agent
     * @param trainingMillis wall time both trainings took together
     */
    public record TrainedAgents(SarsaAgent sarsa, DqnAgent dqn, double trainingMillis) {
    }

    /** Trains {@link TrainedAgents} on the simulator for the experiment's episode counts. */
    public TrainedAgents train() {
        return train(config.training().sarsaEpisodes(), config.training().dqnEpisodes());
    }

    /** Trains {@link TrainedAgents} on the simulator for the given episode counts (tests train briefly). */
    public TrainedAgents train(int sarsaEpisodes, int dqnEpisodes) {
        long seed = config.training().seed();
        long start = System.nanoTime();
        AgentTraining training = new AgentTraining(config,
                c -> new SimulatedFarm(c.simulator().toConfig(c.platform().profile())));
        SarsaAgent sarsa = training.sarsa(TrainingPlan.of(sarsaEpisodes, seed), null, r -> { },
                AgentTraining.Checkpoints.NONE).agent();
        DqnAgent dqn = training.dqn(TrainingPlan.of(dqnEpisodes, seed), r -> { },
                AgentTraining.Checkpoints.NONE).agent();
        return new TrainedAgents(sarsa, dqn, (System.nanoTime() - start) / 1e6);
    }

    /**
     * Runs the suite.
     *
     * @param platform where it runs
     * @param episodeBackend makes the backend the policies' episodes run on (the simulator for
     *                       {@code sim}, the live farm on the platform otherwise)
     * @param redisUrl the Redis of a live platform's scaling measurements; ignored for {@code sim}
     */
    public RegressionReport run(RegressionPlatform platform, Supplier<FarmBackend> episodeBackend, String redisUrl) {
        return run(platform, episodeBackend, redisUrl, LiveSetup.LOCAL);
    }

    /**
     * Runs the suite with a live platform's scale-ups and Fig. 2's batches on {@code scalingPlatform}
     * and every policy (the issue-11 branch's OpenFaaS gate calls this).
     *
     * @param scaleUps scale-ups over which the scale-up latency is measured, {@code >= 1}
     */
    public RegressionReport run(RegressionPlatform platform, Supplier<FarmBackend> episodeBackend, String redisUrl,
                                PlatformVariant scalingPlatform, int scaleUps) {
        return run(platform, episodeBackend, redisUrl, new LiveSetup(scalingPlatform, scaleUps, SCALING, POLICY_LABELS));
    }

    /**
     * How a live platform's part of the suite runs: its scaling measurements' platform and sizes,
     * and which policies' episodes it runs.
     *
     * @param scalingPlatform the platform the scale-ups and Fig. 2's batches start their functions on
     * @param scaleUps scale-ups over which the scale-up latency is measured, {@code >= 1}
     * @param scaling Fig. 2's batches (tasks, N, time compression)
     * @param policies labels of the policies whose episodes run (a subset of {@link #POLICY_LABELS})
     */
    public record LiveSetup(PlatformVariant scalingPlatform, int scaleUps, ScalingSettings scaling,
                            List<String> policies) {

        /** The local platform: every policy, 10 scale-ups, Fig. 2 at compression 50. */
        public static final LiveSetup LOCAL = new LiveSetup(PlatformVariant.bare(), SCALE_UPS, SCALING, POLICY_LABELS);

        public LiveSetup {
            policies = List.copyOf(policies);
            if (scaleUps < 1 || !POLICY_LABELS.containsAll(policies)) {
                throw new IllegalArgumentException("a live setup needs >= 1 scale-up and policies among " + POLICY_LABELS);
            }
        }
    }

    /** Every policy label the gate knows, in the order it runs them. */
    public static final List<String> POLICY_LABELS = List.of("reactive-average", "reactive-maximum",
            "static-" + STATIC_WORKERS, "keda-redis-list", "hpa-utilization", "sarsa", "dqn");

    /**
     * Runs the suite with a live platform's part as {@code live} says (ignored for {@code sim}, which
     * runs every policy).
     */
    public RegressionReport run(RegressionPlatform platform, Supplier<FarmBackend> episodeBackend, String redisUrl,
                                LiveSetup live) {
        PlatformVariant scalingPlatform = live.scalingPlatform();
        int scaleUps = live.scaleUps();
        progress.accept("reference: a fixed simulated episode (static " + STATIC_WORKERS + ", seed 42), the fastest of >= "
                + REFERENCE_MIN_RUNS + " runs over >= " + REFERENCE_MIN_SECONDS + " s");
        double referenceMillis = referenceMillis();
        double refNanos = referenceMillis * 1e6;
        List<Figure> figures = new ArrayList<>();
        progress.accept("decision costs on observations recorded from simulated episodes");
        List<Step> recorded = recordSteps();
        for (PolicyKind kind : decidingPolicies()) { // every policy through the timing loop first: its call site
            decisionNanos(named(kind), recorded, WARMUP_REPEATS); // is then equally megamorphic for each, in any
        }                                                          // JVM, and compiled before anything is timed
        for (PolicyKind kind : decidingPolicies()) {
            figures.add(Figure.decision("decision." + kind.spelling(), decisionNanos(named(kind), recorded, DECISION_REPEATS),
                    refNanos));
        }
        progress.accept("SARSA (" + config.training().sarsaEpisodes() + " episodes) and DQN ("
                + config.training().dqnEpisodes() + " episodes) trained on the simulator, seed " + config.training().seed());
        TrainedAgents trained = train();
        progress.accept(String.format(java.util.Locale.ROOT, "trained both in %.1f s", trained.trainingMillis() / 1000));
        Supplier<Policy> sarsa = () -> new SarsaPolicy(trained.sarsa());
        Supplier<Policy> dqn = () -> new DqnPolicy(trained.dqn());
        decisionNanos(sarsa, recorded, WARMUP_REPEATS);
        decisionNanos(dqn, recorded, WARMUP_REPEATS);
        figures.add(Figure.decision("decision.sarsa", decisionNanos(sarsa, recorded, DECISION_REPEATS), refNanos));
        figures.add(Figure.decision("decision.dqn", decisionNanos(dqn, recorded, DECISION_REPEATS), refNanos));
        if (platform.live()) {
            progress.accept("scale-up latency over " + scaleUps + " scale-ups on " + scalingPlatform.name());
            ScaleUpLatency latency = ScaleUpLatency.measure(redisUrl, scalingPlatform, scaleUps, 42);
            figures.add(Figure.timing("scale-up.p50", latency.p50Millis(), "ms", referenceMillis));
            figures.add(Figure.timing("scale-up.p95", latency.p95Millis(), "ms", referenceMillis));
            ScalingSettings scaling = live.scaling();
            progress.accept("Fig. 2, 30 s window, " + scaling.tasks() + " tasks at N = " + scaling.workerCounts()
                    + ", time compression " + scaling.compression());
            ScalingCurve curve = new ScalingExperiment(scaling, redisUrl, scalingPlatform, r -> { })
                    .runOn(List.of(scalingPlatform), p -> { });
            for (ScalingPoint p : curve.points()) {
                if (p.workers() > scaling.workerCounts().getFirst()) {
                    figures.add(Figure.plain("speedup.n" + p.workers(), FigureKind.SPEEDUP, p.speedup(), "x"));
                }
            }
            ScalingPoint largest = curve.points().getLast();
            figures.add(Figure.timing("data-path.p50", largest.dataPathMedianWallMillis(), "ms", referenceMillis));
        }
        List<Long> seeds = platform.live() ? LIVE_SEEDS : SIM_SEEDS;
        for (PolicyRun run : policyRuns(trained)) {
            if (platform.live() && !live.policies().contains(run.label())) {
                continue;
            }
            progress.accept(run.label() + " on " + platform.cliName() + ", seeds " + seeds);
            Evaluation e;
            // a loop wide enough for the deployed autoscalers to set replica counts; the others behave the same in it
            ExperimentConfig loop = config.withEnvironment(PolicyKind.wide(config.environment()));
            try (FarmEnvironment env = loop.environment(episodeBackend.get())) {
                e = new Evaluator(env).evaluate(run.make().get(), seeds, run.initialWorkers(), m -> { });
            }
            requireUndisturbed(run.label(), platform.cliName(), e);
            figures.add(Figure.plain("qos." + run.label(), FigureKind.QOS, e.summary().finalQos().mean(), "fraction"));
            figures.add(Figure.plain("workers." + run.label(), FigureKind.WORKERS, e.summary().meanWorkers().mean(),
                    "workers"));
        }
        return new RegressionReport(platform.cliName(), referenceMillis, figures);
    }

    /**
     * Refuses to turn a policy's evaluation into figures when one of its episodes was disturbed (a late start,
     * a Redis outage, a lost lease): its QoS would measure the fault, and a baseline made of it would gate on it.
     *
     * @throws IllegalStateException one line naming the policy, the platform, the seed and why
     */
    static void requireUndisturbed(String label, String platformName, Evaluation e) {
        for (EpisodeMetrics m : e.episodes()) {
            if (m.disturbed() != null) {
                throw new IllegalStateException("the " + label + " episode on " + platformName + " (seed " + m.seed()
                        + ") was disturbed, its QoS is no figure: " + m.disturbed());
            }
        }
    }

    private Supplier<Policy> named(PolicyKind kind) {
        return () -> kind.create(null, config.reactive(), kind.environmentFor(config.environment()));
    }

    /** Every policy that decides without a trained model. */
    static List<PolicyKind> decidingPolicies() {
        return Arrays.stream(PolicyKind.values()).filter(k -> !k.learned()).toList();
    }

    private FarmEnvironment simulated() {
        return config.environment(new SimulatedFarm(config.simulator().toConfig(config.platform().profile())));
    }

    /**
     * The reference duration, wall milliseconds: the fastest run of a fixed simulated episode (static 15, seed 42)
     * once the JIT has settled (see {@link #REFERENCE_MIN_RUNS}). Timings measured elsewhere in the same run (the
     * k3s suite) are stored as multiples of it.
     */
    public double referenceMillis() {
        Policy fixed = PolicyKind.STATIC.create(null, config.reactive(), config.environment());
        double fastest = Double.POSITIVE_INFINITY;
        long deadline = System.nanoTime() + (long) (REFERENCE_MIN_SECONDS * 1e9);
        try (FarmEnvironment env = simulated()) {
            Evaluator evaluator = new Evaluator(env);
            for (int i = 0; i < REFERENCE_MIN_RUNS || System.nanoTime() < deadline; i++) {
                long start = System.nanoTime();
                evaluator.runEpisode(fixed, 42, STATIC_WORKERS);
                fastest = Math.min(fastest, (System.nanoTime() - start) / 1e6);
            }
        }
        return fastest;
    }

    /** One recorded decision point; {@code first} marks the first of an episode (the policy is reset there). */
    private record Step(Observation observation, StepInfo info, boolean first) {
    }

    /** What reactive-average saw over the simulator seeds: varied observations the JIT cannot fold. */
    private List<Step> recordSteps() {
        List<Step> steps = new ArrayList<>();
        Policy policy = PolicyKind.REACTIVE_AVERAGE.create(null, config.reactive(), config.environment());
        try (FarmEnvironment env = simulated()) {
            for (long seed : SIM_SEEDS) {
                ResetResult reset = env.reset(seed, config.environment().initialWorkers());
                policy.reset(seed);
                Observation obs = reset.observation();
                StepInfo info = reset.info();
                StepResult r;
                boolean first = true;
                do {
                    steps.add(new Step(obs, info, first));
                    first = false;
                    r = env.step(policy.act(obs, info));
                    obs = r.observation();
                    info = r.info();
                } while (!r.done());
            }
        }
        return steps;
    }

    /**
     * Median over repeats of the mean wall time of one decision, nanoseconds. The recorded episodes
     * are replayed in order with a reset at each episode's start (policies with a history, KEDA's
     * stabilisation window, expect time to move forward), so a reset per episode is included.
     */
    private double decisionNanos(Supplier<Policy> make, List<Step> steps, int repeats) {
        Policy policy = make.get();
        Observation[] obs = steps.stream().map(Step::observation).toArray(Observation[]::new);
        StepInfo[] infos = steps.stream().map(Step::info).toArray(StepInfo[]::new);
        boolean[] first = new boolean[obs.length];
        for (int i = 0; i < first.length; i++) {
            first[i] = steps.get(i).first();
        }
        double[] nanos = new double[repeats];
        long sink = 0;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < DECISIONS_PER_REPEAT; i++) {
                int k = i % obs.length;
                if (first[k]) {
                    policy.reset(42 + k);
                }
                Action a = policy.act(obs[k], infos[k]);
                sink += a.delta();
            }
            nanos[r] = (System.nanoTime() - start) / (double) DECISIONS_PER_REPEAT;
        }
        if (sink == Long.MIN_VALUE) {
            progress.accept("unreachable: " + sink); // keeps the decisions observable
        }
        return Arrays.stream(nanos).min().orElseThrow();
    }
}
