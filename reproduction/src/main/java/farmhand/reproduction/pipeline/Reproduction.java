package farmhand.reproduction.pipeline;

import farmhand.controllers.catalog.PolicyKind;
import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.eval.Evaluation;
import farmhand.controllers.eval.EvaluationSummary;
import farmhand.controllers.eval.Evaluator;
import farmhand.controllers.eval.Lead;
import farmhand.controllers.oracle.OraclePlanner;
import farmhand.controllers.policy.Policy;
import farmhand.controllers.policy.dqn.DqnAgent;
import farmhand.controllers.policy.dqn.DqnPolicy;
import farmhand.controllers.policy.sarsa.SarsaAgent;
import farmhand.controllers.policy.sarsa.SarsaPolicy;
import farmhand.controllers.training.EpisodeReport;
import farmhand.controllers.training.TrainingListener;
import farmhand.controllers.training.TrainingPlan;
import farmhand.controllers.training.TrainingResult;
import farmhand.farm.backend.FarmBackend;
import farmhand.farm.sim.SimulatedFarm;
import farmhand.reproduction.config.ConfigLoader;
import farmhand.reproduction.config.ExperimentConfig;
import farmhand.reproduction.config.TrainingSettings;
import farmhand.reproduction.oracle.OracleSection;
import farmhand.reproduction.report.Figures;
import farmhand.reproduction.report.Json;
import farmhand.reproduction.report.PaperComparison;
import farmhand.reproduction.report.RunIndex;
import farmhand.reproduction.report.TableThree;
import farmhand.reproduction.report.TextFile;
import farmhand.reproduction.scaling.ScalingReport;
import farmhand.reproduction.training.AgentTraining;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.LongStream;

/**
 * The paper's reproduction as a service: trains SARSA(lambda) and Double DQN from scratch on the
 * simulator, evaluates them and every policy of the catalog the way Table III was made, measures each
 * learned policy's lead over the better reactive baseline on many common seeds, plans the clairvoyant
 * oracle, and writes the report (tables, traces, figures, index). {@code farmhand reproduce}, {@code
 * farmhand fidelity} and the paper-level tests all run through it, so the tests guard the code path the
 * command uses. Not thread-safe.
 */
public final class Reproduction {

    /** Fixed provisioning the table shows beside the policies. */
    public static final List<Integer> STATIC_WORKERS = List.of(14, 15, 16);

    private final ExperimentConfig config;
    private final Function<ExperimentConfig, FarmBackend> backends;
    private final PrintStream progress;

    /**
     * @param config the experiment
     * @param backends makes the backend the table's episodes run on (training and the lead over many
     *                 seeds always run on the simulator)
     * @param progress where timings and progress lines go
     */
    public Reproduction(ExperimentConfig config, Function<ExperimentConfig, FarmBackend> backends, PrintStream progress) {
        this.config = config;
        this.backends = backends;
        this.progress = progress;
    }

    /** A reproduction whose table runs on the simulator too. */
    public static Reproduction onSimulator(ExperimentConfig config, PrintStream progress) {
        return new Reproduction(config, Reproduction::simulator, progress);
    }

    /** The simulator configured from {@code config}. */
    public static FarmBackend simulator(ExperimentConfig config) {
        return new SimulatedFarm(config.simulator().toConfig(config.platform().profile()));
    }

    /** The experiment. */
    public ExperimentConfig config() {
        return config;
    }

    /** The part a row plays in the lead over many seeds. */
    public enum Role {
        /** A learned policy: its lead over the better reactive baseline is measured. */
        LEARNED,
        /** A reactive baseline of the paper. */
        REACTIVE_BASELINE,
        /** Any other policy: shown, not compared. */
        OTHER
    }

    /**
     * One row of the table.
     *
     * @param label the row's name ({@code static-15} for static with 15 workers)
     * @param policy the policy
     * @param initialWorkers the workers the episodes start with
     * @param role what the lead does with it
     */
    public record Entry(String label, Policy policy, int initialWorkers, Role role) {
    }

    /**
     * The two trained agents.
     *
     * @param sarsa SARSA(lambda)'s training
     * @param dqn Double DQN's training
     * @param sarsaSeconds SARSA's training wall time
     * @param dqnSeconds DQN's training wall time
     */
    public record Trained(TrainingResult<SarsaAgent> sarsa, TrainingResult<DqnAgent> dqn, double sarsaSeconds,
                          double dqnSeconds) {

        /** Each agent's per-episode training reports, for the training-curve figure. */
        public Map<String, List<EpisodeReport>> reports() {
            Map<String, List<EpisodeReport>> out = new LinkedHashMap<>();
            out.put(PolicyKind.SARSA.spelling(), sarsa.reports());
            out.put(PolicyKind.DQN.spelling(), dqn.reports());
            return out;
        }
    }

    /** Trains SARSA(lambda) on the simulator with the configured recipe (episodes, seed, reward preset). */
    public TrainingResult<SarsaAgent> trainSarsa() {
        TrainingSettings t = config.training();
        return training().sarsa(TrainingPlan.of(t.sarsaEpisodes(), t.seed()), null, TrainingListener.none(),
                AgentTraining.Checkpoints.NONE);
    }

    /** Trains Double DQN on the simulator with the configured recipe. */
    public TrainingResult<DqnAgent> trainDqn() {
        TrainingSettings t = config.training();
        return training().dqn(TrainingPlan.of(t.dqnEpisodes(), t.seed()), TrainingListener.none(),
                AgentTraining.Checkpoints.NONE);
    }

    /** Trains both agents as {@code farmhand train} would. */
    public Trained train() {
        long t0 = System.nanoTime();
        TrainingResult<SarsaAgent> sarsa = trainSarsa();
        long t1 = System.nanoTime();
        TrainingResult<DqnAgent> dqn = trainDqn();
        long t2 = System.nanoTime();
        Trained trained = new Trained(sarsa, dqn, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        progress.printf(Locale.ROOT, "trained sarsa (%d episodes, %.1f s) and dqn (%d episodes, %.1f s) on the simulator%n",
                config.training().sarsaEpisodes(), trained.sarsaSeconds(), config.training().dqnEpisodes(),
                trained.dqnSeconds());
        return trained;
    }

    private AgentTraining training() {
        return new AgentTraining(config, Reproduction::simulator);
    }

    /** The learned rows of {@code trained}. */
    public List<Entry> learned(Trained trained) {
        return List.of(learned(new SarsaPolicy(trained.sarsa().agent())), learned(new DqnPolicy(trained.dqn().agent())));
    }

    /** A learned policy's row. */
    public Entry learned(Policy policy) {
        return new Entry(policy.name(), policy, config.environment().initialWorkers(), Role.LEARNED);
    }

    /** The reactive baselines' rows. */
    public List<Entry> reactiveBaselines() {
        int initial = config.environment().initialWorkers();
        return PolicyKind.of(PolicyKind.Group.PAPER_BASELINE).stream()
                .map(k -> new Entry(k.spelling(), create(k), initial, Role.REACTIVE_BASELINE)).toList();
    }

    /** The rows of every catalog policy beyond the paper's, and fixed provisioning at {@link #STATIC_WORKERS}. */
    public List<Entry> others() {
        int initial = config.environment().initialWorkers();
        List<Entry> out = new ArrayList<>();
        for (PolicyKind kind : PolicyKind.of(PolicyKind.Group.OTHER)) {
            out.add(new Entry(kind.spelling(), create(kind), initial, Role.OTHER));
        }
        for (PolicyKind kind : PolicyKind.of(PolicyKind.Group.FIXED)) {
            for (int workers : STATIC_WORKERS) {
                out.add(new Entry(kind.spelling() + "-" + workers, create(kind), workers, Role.OTHER));
            }
        }
        return out;
    }

    private Policy create(PolicyKind kind) {
        return kind.create(null, config.reactive(), kind.environmentFor(config.environment()));
    }

    /**
     * The loop every entry is evaluated in: wide enough for the deployed autoscalers to set replica counts; the
     * policies limited to -1, 0, +1 (trained in the paper's space) behave the same in it.
     */
    private ExperimentConfig evaluationLoop() {
        return config.withEnvironment(PolicyKind.wide(config.environment()));
    }

    /** Every row of the table: the learned policies, the reactive baselines, then the others. */
    public List<Entry> entries(Trained trained) {
        List<Entry> entries = new ArrayList<>(learned(trained));
        entries.addAll(reactiveBaselines());
        entries.addAll(others());
        return entries;
    }

    /** Evaluates every entry on {@code seeds} on the table's backend, in order. */
    public List<Evaluation> evaluate(List<Entry> entries, List<Long> seeds) {
        ExperimentConfig loop = evaluationLoop();
        try (FarmEnvironment env = loop.environment(backends.apply(loop))) {
            return evaluate(env, entries, seeds);
        }
    }

    /** Evaluates every entry on {@code seeds} on the simulator, in order. */
    public List<Evaluation> evaluateOnSimulator(List<Entry> entries, List<Long> seeds) {
        ExperimentConfig loop = evaluationLoop();
        try (FarmEnvironment env = loop.environment(simulator(loop))) {
            return evaluate(env, entries, seeds);
        }
    }

    private List<Evaluation> evaluate(FarmEnvironment env, List<Entry> entries, List<Long> seeds) {
        Evaluator evaluator = new Evaluator(env);
        List<Evaluation> evaluations = new ArrayList<>();
        for (Entry entry : entries) {
            long t0 = System.nanoTime();
            evaluations.add(evaluator.evaluate(entry.policy(), seeds, entry.initialWorkers(), m -> { })
                    .labelled(entry.label()));
            progress.printf(Locale.ROOT, "%s: %d episodes in %.1f s%n", entry.label(), seeds.size(),
                    (System.nanoTime() - t0) / 1e9);
        }
        return evaluations;
    }

    /**
     * Every row over many common seeds and each learned policy's lead over the better reactive baseline.
     *
     * @param seeds the common seeds
     * @param rows each entry's evaluation, in the order of the entries
     * @param leads each learned policy's lead, paired by seed
     */
    public record LeadResult(List<Long> seeds, List<Evaluation> rows, List<Lead> leads) {
    }

    /**
     * Evaluates {@code entries} again on {@code seeds} on the simulator and measures each learned entry's lead
     * over the better reactive baseline, paired by seed: ten episodes cannot rank policies whose QoS swings
     * 10-15 points between seeds.
     */
    public LeadResult lead(List<Entry> entries, List<Long> seeds) {
        List<Evaluation> evaluations = evaluateOnSimulator(entries, seeds);
        List<Evaluation> baselines = new ArrayList<>();
        List<Evaluation> learned = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            switch (entries.get(i).role()) {
                case REACTIVE_BASELINE -> baselines.add(evaluations.get(i));
                case LEARNED -> learned.add(evaluations.get(i));
                case OTHER -> { }
            }
        }
        Evaluation baseline = Lead.better(baselines);
        return new LeadResult(seeds, evaluations, learned.stream().map(e -> Lead.of(e, baseline)).toList());
    }

    /** {@code count} consecutive seeds from {@code first}. */
    public static List<Long> seeds(long first, int count) {
        return LongStream.range(first, first + count).boxed().toList();
    }

    /**
     * What a full run does and where it writes.
     *
     * @param out the output folder
     * @param seeds the table's seeds
     * @param leadEpisodes seeds of the lead over many seeds (from the table's first seed); 0 skips it
     * @param oracle whether to plan the clairvoyant oracle on the table's seeds
     * @param backendName the table's backend, for the report
     * @param commandLine the command as typed, for the index
     * @param configuration the configuration in words, for the index
     * @param figureTwo measures Fig. 2 and writes it into the folder; null skips it
     */
    public record Plan(Path out, List<Long> seeds, int leadEpisodes, boolean oracle, String backendName,
                       String commandLine, String configuration, FigureTwo figureTwo) {
    }

    /** Measures Fig. 2 (the live farm's scaling curve) and writes its files into {@code out}. */
    @FunctionalInterface
    public interface FigureTwo {
        /** The measured report; its table and {@code fig2-speedup.png} are in {@code out}. */
        ScalingReport measure(Path out);
    }

    /** {@code lead.json}: every policy's row over many common seeds and each learned policy's paired lead. */
    record LeadReport(long firstSeed, int episodes, String backend, List<Row> rows, List<Lead> leads) {
        /** One policy's row. */
        record Row(String policy, EvaluationSummary summary) {
        }
    }

    /**
     * The whole job: trains, evaluates every policy on the plan's seeds, writes Table III beside the paper
     * with every episode's trace, the lead over many seeds, the oracle's frontier, the figures and the index.
     *
     * @param out where the tables go as text (the terminal)
     * @return the table's evaluations, in the order of {@link #entries}
     */
    public List<Evaluation> run(Plan plan, PrintStream out) {
        Path dir = plan.out();
        Trained trained = train();
        AgentTraining.saveSarsa(trained.sarsa(), dir.resolve("models/sarsa.json"));
        AgentTraining.saveDqn(trained.dqn(), dir.resolve("models/dqn.json"));
        List<Entry> entries = entries(trained);
        List<Long> seeds = plan.seeds();
        List<Evaluation> evaluations = evaluate(entries, seeds);
        for (Evaluation e : evaluations) {
            Json.write(dir.resolve(e.policy() + ".json"), e);
        }
        StringBuilder phases = new StringBuilder();
        for (Evaluation e : evaluations) {
            phases.append(e.policy()).append('\n').append(TableThree.phases(e));
        }
        List<String[]> all = new ArrayList<>(rows(evaluations));
        all.addAll(TableThree.PAPER_ROWS);
        out.print(TableThree.text(all));
        out.print(phases);
        String md = "# Table III, reproduced (" + plan.backendName() + ", seeds " + seeds.getFirst() + "-"
                + seeds.getLast() + ", latency profile " + config.platform().latencyProfile() + ")\n\n"
                + TableThree.markdown(all) + "\n## Per phase\n\n```\n" + phases + "```\n";
        String lead = plan.leadEpisodes() > 0
                ? leadSection(lead(entries, seeds(seeds.getFirst(), plan.leadEpisodes())), dir, out) : "";
        if (!lead.isEmpty()) {
            md += "\n" + lead;
        }
        OracleSection.Section oracle = plan.oracle() ? OracleSection.run(config, seeds, evaluations, dir) : null;
        String oracleText = oracle == null ? "" : oracle.markdown();
        if (!oracleText.isEmpty()) {
            md += "\n" + oracleText;
        }
        out.println("wrote " + TextFile.write(dir.resolve("table3.md"), md));
        PaperComparison comparison = PaperComparison.of(evaluations);
        out.println("wrote " + comparison.write(dir, "table3-vs-paper"));
        TextFile.write(dir.resolve("config.yaml"), ConfigLoader.yaml(config));
        RunIndex index = new RunIndex("farmhand: the paper's results, reproduced", plan.commandLine(),
                plan.configuration())
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
        figures(index, evaluations, oracle == null ? null : oracle.frontier(), trained, dir, out);
        if (plan.figureTwo() != null) {
            out.println();
            ScalingReport fig2 = plan.figureTwo().measure(dir);
            index.section("Fig. 2: scaling curve of the live farm (30 s window)", fig2.curve().table());
            index.figure("Fig. 2: runtime, initialisation and speedup", dir.resolve("fig2-speedup.png"),
                    "Runtime and initialisation time (a, log scale) and speedup (b) against workers, beside the "
                            + "ideal line and the paper's OpenFaaS speedups; details in "
                            + "[fig2-scaling-curve.md](fig2-scaling-curve.md).");
        }
        out.println("wrote " + index.write(dir));
        return evaluations;
    }

    private void figures(RunIndex index, List<Evaluation> evaluations, OraclePlanner.Frontier frontier, Trained trained,
                         Path dir, PrintStream out) {
        List<Evaluation> paperFour = evaluations.stream().filter(e -> Figures.inPaper(e.policy())).toList();
        List<Evaluation> others = evaluations.stream().filter(e -> !Figures.inPaper(e.policy())).toList();
        index.figure("Fig. 4: arrival pattern", print(out, Figures.arrivalPattern(config.workload(), 50,
                        dir.resolve("fig4-arrivals.png"))),
                "Mean arrivals per second over 50 episodes, as deployed and as described.");
        index.figure("Fig. 5: final QoS against resources", print(out, Figures.qosVersusResources(evaluations,
                        frontier, dir.resolve("fig5-qos-vs-resources.png"))),
                "Each run's final QoS against its mean workers (a) and its scaling actions (b); the crosses mark "
                        + "each policy's mean +- std" + (frontier == null ? "." : "; the dashed line is the clairvoyant "
                        + "oracle's frontier (the fewest mean workers for each mean final QoS, on the same seeds)."));
        index.figure("Fig. 6: the paper's four policies, step by step", print(out, Figures.policyComparison(paperFour,
                        "Paper's policies", dir.resolve("fig6-policy-comparison.png"))),
                "Mean over episodes per control step, dashed: mean +- std clipped to the physical range.");
        if (!others.isEmpty()) {
            index.figure("Fig. 6, continued: the other policies", print(out, Figures.policyComparison(others,
                            "Other policies", dir.resolve("fig6-other-policies.png"))),
                    "The same panels for the industry autoscalers and fixed provisioning.");
        }
        index.figure("Training curves", print(out, Figures.trainingCurves(trained.reports(),
                        dir.resolve("training-curves.png"))),
                "Per training episode (exploring, so below the greedy evaluation): final QoS, mean workers and "
                        + "scaling actions, with a moving average.");
    }

    private static Path print(PrintStream out, Path written) {
        out.println("wrote " + written);
        return written;
    }

    private static List<String[]> rows(List<Evaluation> evaluations) {
        return evaluations.stream().map(e -> TableThree.row(e.policy(), e)).toList();
    }

    /** Prints the lead, writes {@code lead.json} and returns it as a Markdown section. */
    private static String leadSection(LeadResult result, Path dir, PrintStream out) {
        List<Long> seeds = result.seeds();
        String title = String.format(Locale.ROOT, "Over %d common seeds (%d-%d, simulator)", seeds.size(),
                seeds.getFirst(), seeds.getLast());
        StringBuilder leadText = new StringBuilder();
        for (Lead lead : result.leads()) {
            leadText.append(String.format(Locale.ROOT,
                    "%s leads %s by %.2f +- %.2f points (paired by seed, +- one standard error; 95 %% lower bound %.2f)%n",
                    lead.leader(), lead.baseline(), lead.meanPoints(), lead.standardErrorPoints(), lead.lowerBoundPoints()));
        }
        List<String[]> rows = rows(result.rows());
        out.println();
        out.println(title + ":");
        out.print(TableThree.text(rows));
        out.print(leadText);
        Json.write(dir.resolve("lead.json"), new LeadReport(seeds.getFirst(), seeds.size(), "sim",
                result.rows().stream().map(e -> new LeadReport.Row(e.policy(), e.summary())).toList(), result.leads()));
        return "## " + title + "\n\n" + TableThree.markdown(rows) + "\n" + leadText.toString().replace("\n", "\n\n");
    }
}
