package farmhand.reproduction.cli;

import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.eval.Evaluation;
import farmhand.controllers.eval.EvaluationSummary;
import farmhand.controllers.eval.Lead;
import farmhand.controllers.eval.Evaluator;
import farmhand.controllers.policy.Policies;
import farmhand.controllers.policy.Policy;
import farmhand.controllers.policy.dqn.DqnAgent;
import farmhand.controllers.policy.dqn.DqnPolicy;
import farmhand.controllers.policy.fixed.StaticPolicy;
import farmhand.controllers.policy.sarsa.SarsaAgent;
import farmhand.controllers.policy.sarsa.SarsaPolicy;
import farmhand.controllers.training.EpisodeReport;
import farmhand.controllers.training.TrainingListener;
import farmhand.controllers.training.TrainingPlan;
import farmhand.controllers.training.TrainingResult;
import farmhand.reproduction.config.ExperimentConfig;
import farmhand.reproduction.config.TrainingSettings;
import farmhand.reproduction.oracle.OracleSection;
import farmhand.reproduction.report.Figures;
import farmhand.reproduction.report.Json;
import farmhand.reproduction.report.PaperComparison;
import farmhand.reproduction.report.RunIndex;
import farmhand.reproduction.report.TextFile;
import farmhand.reproduction.config.ConfigLoader;
import farmhand.reproduction.report.TableThree;
import farmhand.reproduction.scaling.ScalingReport;
import farmhand.reproduction.scaling.ScalingSettings;
import farmhand.reproduction.training.AgentTraining;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    @Option(names = "--backend", defaultValue = "sim", description = "sim or live (default: ${DEFAULT-VALUE})")
    String backend;

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

    /** Each trained agent's per-episode training reports, for the training-curve figure. */
    private final Map<String, List<EpisodeReport>> trainingReports = new LinkedHashMap<>();

    /** One line of the table: a policy and the workers it starts with. */
    /**
     * One row of the table.
     *
     * @param kind what the lead over many seeds does with it: a learned policy's lead is measured over the
     *             better of the reactive baselines
     */
    record Entry(String label, Policy policy, int initialWorkers, Kind kind) {
    }

    /** The part an entry plays in the lead over many seeds. */
    enum Kind { LEARNED, REACTIVE_BASELINE, OTHER }

    /**
     * {@code lead.json}: every policy's row over many common seeds and each learned policy's paired lead.
     *
     * @param firstSeed first seed
     * @param episodes seeds (episodes per policy)
     * @param backend where they ran
     * @param rows each policy's Table III row over those seeds
     * @param leads each learned policy's lead over the better reactive baseline
     */
    record LeadReport(long firstSeed, int episodes, String backend, List<Row> rows, List<Lead> leads) {
        /** One policy's row. */
        record Row(String policy, EvaluationSummary summary) {
        }
    }

    /** Trains SARSA(lambda) and DQN from scratch as {@code farmhand train} would, saving them beside the results. */
    private List<Entry> learned(ExperimentConfig config, int initial) {
        TrainingSettings t = config.training();
        AgentTraining training = new AgentTraining(config, c -> Backends.create("sim", c, live));
        long t0 = System.nanoTime();
        TrainingResult<SarsaAgent> sarsa = training.sarsa(TrainingPlan.of(t.sarsaEpisodes(), t.seed()), null,
                TrainingListener.none(), AgentTraining.Checkpoints.NONE);
        long t1 = System.nanoTime();
        TrainingResult<DqnAgent> dqn = training.dqn(TrainingPlan.of(t.dqnEpisodes(), t.seed()), TrainingListener.none(),
                AgentTraining.Checkpoints.NONE);
        long t2 = System.nanoTime();
        System.err.printf(Locale.ROOT, "trained sarsa (%d episodes, %.1f s) and dqn (%d episodes, %.1f s) on the simulator%n",
                t.sarsaEpisodes(), (t1 - t0) / 1e9, t.dqnEpisodes(), (t2 - t1) / 1e9);
        trainingReports.put("sarsa", sarsa.reports());
        trainingReports.put("dqn", dqn.reports());
        AgentTraining.saveSarsa(sarsa, out.resolve("models/sarsa.json"));
        AgentTraining.saveDqn(dqn, out.resolve("models/dqn.json"));
        return List.of(new Entry("sarsa", new SarsaPolicy(sarsa.agent()), initial, Kind.LEARNED),
                new Entry("dqn", new DqnPolicy(dqn.agent()), initial, Kind.LEARNED));
    }

    @Override
    public Integer call() {
        if (leadEpisodes < 0) {
            throw new IllegalArgumentException("--lead-episodes must be >= 0, was " + leadEpisodes);
        }
        OutputPaths.requireWritableFolder(out, "--out");
        ExperimentConfig config = experiment.load();
        List<Long> seeds = experiment.seeds();
        List<Entry> entries = entries(config);
        List<Evaluation> evaluations;
        try (FarmEnvironment env = config.environment(Backends.create(backend, config, live))) {
            evaluations = evaluateAll(env, entries, seeds, true);
        }
        StringBuilder phases = new StringBuilder();
        for (Evaluation e : evaluations) {
            phases.append(e.policy()).append('\n').append(TableThree.phases(e));
        }
        List<String[]> all = new ArrayList<>(rows(evaluations));
        all.addAll(TableThree.PAPER_ROWS);
        String text = TableThree.text(all);
        System.out.print(text);
        System.out.print(phases);
        String md = "# Table III, reproduced (" + backend + ", seeds " + seeds.getFirst() + "-" + seeds.getLast()
                + ", latency profile " + config.platform().latencyProfile() + ")\n\n"
                + TableThree.markdown(all) + "\n## Per phase\n\n```\n" + phases + "```\n";
        String lead = leadEpisodes > 0 ? leadOverManySeeds(config, entries) : "";
        if (!lead.isEmpty()) {
            md += "\n" + lead;
        }
        String oracleText = oracle ? OracleSection.run(config, seeds, evaluations, out) : "";
        if (!oracleText.isEmpty()) {
            md += "\n" + oracleText;
        }
        System.out.println("wrote " + TextFile.write(out.resolve("table3.md"), md));
        PaperComparison comparison = PaperComparison.of(evaluations);
        System.out.println("wrote " + comparison.write(out, "table3-vs-paper"));
        TextFile.write(out.resolve("config.yaml"), ConfigLoader.yaml(config));
        String configuration = (experiment.config == null ? "the paper's defaults" : "`" + experiment.config + "`")
                + " ([config.yaml](config.yaml) lists every value), seeds " + seeds.getFirst() + "-" + seeds.getLast()
                + ", backend " + backend + ", latency profile " + config.platform().latencyProfile()
                + ", training seed " + config.training().seed();
        RunIndex index = new RunIndex("farmhand: the paper's results, reproduced", commandLine(), configuration)
                .section("Table III beside the paper (" + seeds.size() + " episodes per policy)",
                        "QoS in %, mean +- population std over episodes; the difference is of the means. Also as "
                        + "[CSV](table3-vs-paper.csv) and [JSON](table3-vs-paper.json).\n\n" + comparison.markdown())
                .section("Every policy, Table III's columns", TableThree.markdown(rows(evaluations)));
        if (!lead.isEmpty()) {
            String heading = lead.lines().findFirst().orElse("").replaceFirst("^## ", "");
            index.section(heading, lead.substring(lead.indexOf('\n') + 1).strip()
                    + "\n\nEvery policy's row and the leads are also in [lead.json](lead.json).");
        }
        if (!oracleText.isEmpty()) {
            String heading = oracleText.lines().findFirst().orElse("").replaceFirst("^#+ ", "");
            index.section(heading, oracleText.substring(oracleText.indexOf('\n') + 1).strip()
                    + "\n\nThe frontier and the distances are also in [oracle.json](oracle.json).");
        }
        List<Evaluation> paperFour = evaluations.stream()
                .filter(e -> Figures.PAPER_POLICIES.contains(e.policy())).toList();
        List<Evaluation> others = evaluations.stream()
                .filter(e -> !Figures.PAPER_POLICIES.contains(e.policy())).toList();
        index.figure("Fig. 4: arrival pattern", print(Figures.arrivalPattern(config.workload(), 50,
                        out.resolve("fig4-arrivals.png"))),
                "Mean arrivals per second over 50 episodes, as deployed and as described.");
        index.figure("Fig. 5: final QoS against resources", print(Figures.qosVersusResources(evaluations,
                        out.resolve("fig5-qos-vs-resources.png"))),
                "Each run's final QoS against its mean workers (a) and its scaling actions (b); the crosses mark "
                        + "each policy's mean +- std.");
        index.figure("Fig. 6: the paper's four policies, step by step", print(Figures.policyComparison(paperFour,
                        "Paper's policies", out.resolve("fig6-policy-comparison.png"))),
                "Mean over episodes per control step, dashed: mean +- std clipped to the physical range.");
        if (!others.isEmpty()) {
            index.figure("Fig. 6, continued: the other policies", print(Figures.policyComparison(others,
                            "Other policies", out.resolve("fig6-other-policies.png"))),
                    "The same panels for the industry autoscalers and fixed provisioning.");
        }
        if (!trainingReports.isEmpty()) {
            index.figure("Training curves", print(Figures.trainingCurves(trainingReports, out.resolve("training-curves.png"))),
                    "Per training episode (exploring, so below the greedy evaluation): final QoS, mean workers and "
                            + "scaling actions, with a moving average.");
        }
        if (scalingCurve) {
            ScalingReport fig2 = reproduceFigureTwo();
            index.section("Fig. 2: scaling curve of the live farm (30 s window" + ("docker".equals(live.platform())
                    ? ", every function a Docker container" : "") + ")", fig2.curve().table());
            index.figure("Fig. 2: runtime, initialisation and speedup", out.resolve("fig2-speedup.png"),
                    "Runtime and initialisation time (a, log scale) and speedup (b) against workers, beside the "
                            + "ideal line and the paper's OpenFaaS speedups; details in "
                            + "[fig2-scaling-curve.md](fig2-scaling-curve.md).");
        }
        System.out.println("wrote " + index.write(out));
        return 0;
    }

    private static Path print(Path written) {
        System.out.println("wrote " + written);
        return written;
    }

    /** This command as it was typed, for the run's index. */
    private String commandLine() {
        StringBuilder sb = new StringBuilder("./farmhand reproduce --out ").append(out);
        if (experiment.config != null) {
            sb.append(" --config ").append(experiment.config);
        }
        if (!"sim".equals(backend)) {
            sb.append(" --backend ").append(backend);
        }
        if (!"local".equals(live.platform())) {
            sb.append(" --platform ").append(live.platform());
        }
        if (!scalingCurve) {
            sb.append(" --no-scaling-curve");
        }
        return sb.toString();
    }

    /** Evaluates every entry on {@code seeds}, writing each one's JSON when {@code writeJson}. */
    private List<Evaluation> evaluateAll(FarmEnvironment env, List<Entry> entries, List<Long> seeds, boolean writeJson) {
        Evaluator evaluator = new Evaluator(env);
        List<Evaluation> evaluations = new ArrayList<>();
        for (Entry entry : entries) {
            long t0 = System.nanoTime();
            Evaluation e = evaluator.evaluate(entry.policy(), seeds, entry.initialWorkers(), m -> { }).labelled(entry.label());
            System.err.printf(Locale.ROOT, "%s: %d episodes in %.1f s%n", entry.label(), seeds.size(), (System.nanoTime() - t0) / 1e9);
            evaluations.add(e);
            if (writeJson) {
                Json.write(out.resolve(entry.label() + ".json"), e);
            }
        }
        return evaluations;
    }

    private static List<String[]> rows(List<Evaluation> evaluations) {
        return evaluations.stream().map(e -> TableThree.row(e.policy(), e)).toList();
    }

    /**
     * Every entry again on {@code leadEpisodes} common seeds on the simulator, and each learned policy's lead over
     * the better reactive baseline, paired by seed: ten episodes cannot rank policies whose QoS swings 10-15 points
     * between seeds. Printed, written to {@code lead.json} and returned as a Markdown section.
     */
    private String leadOverManySeeds(ExperimentConfig config, List<Entry> entries) {
        List<Long> seeds = ExperimentOptions.seeds(experiment.seed, leadEpisodes);
        List<Evaluation> evaluations;
        try (FarmEnvironment env = config.environment(Backends.create("sim", config, live))) {
            evaluations = evaluateAll(env, entries, seeds, false);
        }
        List<Evaluation> baselines = new ArrayList<>();
        List<Evaluation> learned = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) { // evaluations come in the order of the entries
            switch (entries.get(i).kind()) {
                case REACTIVE_BASELINE -> baselines.add(evaluations.get(i));
                case LEARNED -> learned.add(evaluations.get(i));
                case OTHER -> { }
            }
        }
        Evaluation baseline = Lead.better(baselines);
        List<Lead> leads = learned.stream().map(e -> Lead.of(e, baseline)).toList();
        String title = String.format(Locale.ROOT, "Over %d common seeds (%d-%d, simulator)", seeds.size(),
                seeds.getFirst(), seeds.getLast());
        StringBuilder leadText = new StringBuilder();
        for (Lead lead : leads) {
            leadText.append(String.format(Locale.ROOT,
                    "%s leads %s by %.2f +- %.2f points (paired by seed, +- one standard error; 95 %% lower bound %.2f)%n",
                    lead.leader(), lead.baseline(), lead.meanPoints(), lead.standardErrorPoints(), lead.lowerBoundPoints()));
        }
        List<String[]> rows = rows(evaluations);
        System.out.println();
        System.out.println(title + ":");
        System.out.print(TableThree.text(rows));
        System.out.print(leadText);
        Json.write(out.resolve("lead.json"), new LeadReport(seeds.getFirst(), seeds.size(), "sim",
                evaluations.stream().map(e -> new LeadReport.Row(e.policy(), e.summary())).toList(), leads));
        return "## " + title + "\n\n" + TableThree.markdown(rows) + "\n" + leadText.toString().replace("\n", "\n\n");
    }

    /**
     * Fig. 2 for the 30 s window: speedups of the live farm, its initialisation on both local platform variants;
     * with {@code --platform docker}, every function a container (N = 1..16 at the live options' time
     * compression, scale-up latency over 20 scale-ups).
     */
    private ScalingReport reproduceFigureTwo() {
        System.out.println();
        ScalingSettings settings = figureTwoSettings(live.platform(), live.timeCompression());
        ScalingReport report = "docker".equals(live.platform())
                ? ScalingCurveCommand.measureOnDocker(settings, live.docker().config(), live.redisUrl(), DOCKER_SCALE_UPS)
                : ScalingCurveCommand.measure(settings, ScalingCurveCommand.PLATFORMS, live.redisUrl(), 50);
        ScalingCurveCommand.write(report, out.resolve("fig2-scaling-curve.json"), out.resolve("fig2-scaling-curve.md"),
                out.resolve("fig2-speedup.png"));
        return report;
    }

    /** Scale-ups timed for Fig. 2's latency on the Docker platform (the bar: at least 20). */
    static final int DOCKER_SCALE_UPS = 20;

    /**
     * What Fig. 2 runs on {@code platform}: the paper's 30 s window; on docker N = 1..16 (34 JVM containers
     * of N = 32 do not fit two cores) at {@code liveCompression}, elsewhere the paper's N = 1..32 at its
     * default compression.
     */
    static ScalingSettings figureTwoSettings(String platform, double liveCompression) {
        ScalingSettings paper = ScalingSettings.paper().withWindows(List.of(30.0));
        if (!"docker".equals(platform)) {
            return paper;
        }
        return new ScalingSettings(paper.tasks(), paper.serviceSeconds(), paper.windowsSeconds(),
                List.of(1, 2, 4, 8, 16), liveCompression, paper.seed());
    }

    private List<Entry> entries(ExperimentConfig config) {
        int initial = config.environment().initialWorkers();
        List<Entry> entries = new ArrayList<>();
        entries.addAll(learned(config, initial));
        for (String name : List.of("reactive-average", "reactive-maximum")) {
            entries.add(new Entry(name, Policies.create(name, null, config.reactive()), initial, Kind.REACTIVE_BASELINE));
        }
        for (String name : List.of("anticipatory", "keda-redis-list", "hpa-utilization")) {
            entries.add(new Entry(name, Policies.create(name, null, config.reactive()), initial, Kind.OTHER));
        }
        for (int workers : new int[] {14, 15, 16}) {
            entries.add(new Entry("static-" + workers, new StaticPolicy(), workers, Kind.OTHER));
        }
        return entries;
    }
}
