package farmhand.reproduction.cli;

import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.eval.Evaluation;
import farmhand.controllers.eval.Evaluator;
import farmhand.controllers.policy.Policies;
import farmhand.controllers.policy.Policy;
import farmhand.controllers.policy.dqn.DqnAgent;
import farmhand.controllers.policy.dqn.DqnPolicy;
import farmhand.controllers.policy.fixed.StaticPolicy;
import farmhand.controllers.policy.sarsa.SarsaAgent;
import farmhand.controllers.policy.sarsa.SarsaPolicy;
import farmhand.controllers.training.TrainingListener;
import farmhand.controllers.training.TrainingPlan;
import farmhand.controllers.training.TrainingResult;
import farmhand.reproduction.config.ExperimentConfig;
import farmhand.reproduction.config.TrainingSettings;
import farmhand.reproduction.report.Figures;
import farmhand.reproduction.report.Json;
import farmhand.reproduction.report.TableThree;
import farmhand.reproduction.scaling.ScalingReport;
import farmhand.reproduction.scaling.ScalingSettings;
import farmhand.reproduction.training.AgentTraining;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code farmhand reproduce}: the main job. Trains SARSA(lambda) and Double DQN from scratch on the simulator,
 * then evaluates every policy the way Table III was made
 * (10 greedy episodes, seeds 42-51, 12 initial workers, on the calibrated simulator by default),
 * prints the table beside the paper's and writes it with every episode's trace to {@code --out}.
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
            description = "also run Fig. 2's 30 s-window scaling curve on the live farm (~2.5 min; "
                    + "default: ${DEFAULT-VALUE}; 'farmhand scaling-curve' runs every window and platform)")
    boolean scalingCurve;

    @Mixin
    ExperimentOptions experiment;

    @Mixin
    LiveOptions live;

    /** One line of the table: a policy and the workers it starts with. */
    record Entry(String label, Policy policy, int initialWorkers) {
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
        AgentTraining.saveSarsa(sarsa, out.resolve("models/sarsa.json"));
        AgentTraining.saveDqn(dqn, out.resolve("models/dqn.json"));
        return List.of(new Entry("sarsa", new SarsaPolicy(sarsa.agent()), initial),
                new Entry("dqn", new DqnPolicy(dqn.agent()), initial));
    }

    @Override
    public Integer call() {
        ExperimentConfig config = experiment.load();
        List<Long> seeds = experiment.seeds();
        List<Entry> entries = entries(config);
        List<String[]> rows = new ArrayList<>();
        List<Evaluation> evaluations = new ArrayList<>();
        StringBuilder phases = new StringBuilder();
        try (FarmEnvironment env = config.environment(Backends.create(backend, config, live))) {
            Evaluator evaluator = new Evaluator(env);
            for (Entry entry : entries) {
                long t0 = System.nanoTime();
                Evaluation e = evaluator.evaluate(entry.policy(), seeds, entry.initialWorkers(), m -> { }).labelled(entry.label());
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.err.printf("%s: %d episodes in %.1f s%n", entry.label(), seeds.size(), seconds);
                rows.add(TableThree.row(entry.label(), e));
                evaluations.add(e);
                phases.append(entry.label()).append('\n').append(TableThree.phases(e));
                Json.write(out.resolve(entry.label() + ".json"), e);
            }
        }
        List<String[]> all = new ArrayList<>(rows);
        all.addAll(TableThree.PAPER_ROWS);
        String text = TableThree.text(all);
        System.out.print(text);
        System.out.print(phases);
        String md = "# Table III, reproduced (" + backend + ", seeds " + seeds.getFirst() + "-" + seeds.getLast()
                + ", latency profile " + config.platform().latencyProfile() + ")\n\n"
                + TableThree.markdown(all) + "\n## Per phase\n\n```\n" + phases + "```\n";
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("table3.md"), md);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve("table3.md") + ": " + e.getMessage(), e);
        }
        System.out.println("wrote " + out.resolve("table3.md"));
        System.out.println("wrote " + Figures.arrivalPattern(config.workload(), 50, out.resolve("fig4-arrivals.png")));
        System.out.println("wrote " + Figures.qosVersusResources(evaluations, out.resolve("fig5-qos-vs-resources.png")));
        System.out.println("wrote " + Figures.policyComparison(evaluations, out.resolve("fig6-policy-comparison.png")));
        if (scalingCurve) {
            reproduceFigureTwo();
        }
        return 0;
    }

    /** Fig. 2 for the 30 s window: speedups of the live farm, its initialisation on both platform variants. */
    private void reproduceFigureTwo() {
        System.out.println();
        ScalingReport report = ScalingCurveCommand.measure(ScalingSettings.paper().withWindows(List.of(30.0)),
                ScalingCurveCommand.PLATFORMS, live.redisUrl(), 50);
        ScalingCurveCommand.write(report, out.resolve("fig2-scaling-curve.json"), out.resolve("fig2-scaling-curve.md"),
                out.resolve("fig2-speedup.png"));
    }

    private List<Entry> entries(ExperimentConfig config) {
        int initial = config.environment().initialWorkers();
        List<Entry> entries = new ArrayList<>();
        entries.addAll(learned(config, initial));
        for (String name : List.of("reactive-average", "reactive-maximum", "keda-redis-list", "hpa-utilization")) {
            entries.add(new Entry(name, Policies.create(name, null, config.reactive()), initial));
        }
        for (int workers : new int[] {14, 15, 16}) {
            entries.add(new Entry("static-" + workers, new StaticPolicy(), workers));
        }
        return entries;
    }
}
