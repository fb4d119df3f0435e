package farmhand.reproduction.cli;

import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.eval.Evaluation;
import farmhand.controllers.eval.Evaluator;
import farmhand.controllers.oracle.OraclePlanner;
import farmhand.controllers.catalog.PolicyKind;
import farmhand.controllers.policy.Policy;
import farmhand.controllers.policy.fixed.StaticPolicy;
import farmhand.farm.workload.NamedWorkload;
import farmhand.reproduction.config.ExperimentConfig;
import farmhand.reproduction.oracle.OracleSection;
import farmhand.reproduction.report.Json;
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
 * {@code farmhand compare}: every policy on every workload variant (simulator), with final QoS,
 * mean workers, scaling actions and the distance to the clairvoyant oracle of that workload, as
 * {@code compare.json} and {@code compare.md}. The workloads are {@link NamedWorkload}s applied to the
 * configured workload ({@code --config}, {@code --workload}); the oracle plans on each of them.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Every policy x every workload on the simulator: final QoS, workers, scaling actions, distance to the oracle.")
public final class CompareCommand implements Callable<Integer> {

    /**
     * One cell of the comparison.
     *
     * @param workload the workload variant
     * @param policy the policy's label
     * @param finalQos mean final QoS (fraction)
     * @param meanWorkers mean workers
     * @param scalingActions mean scaling actions per episode
     * @param extraWorkersVsOracle workers above the oracle's at the same QoS (NaN: beyond its frontier or no oracle)
     * @param qosGapPointsVsOracle QoS points below the oracle's at the same workers (NaN likewise)
     */
    record Row(String workload, String policy, double finalQos, double meanWorkers, double scalingActions,
               double extraWorkersVsOracle, double qosGapPointsVsOracle) {
    }

    /** {@code compare.json}: the seeds, every row and each workload's oracle frontier. */
    record Report(List<Long> seeds, List<Row> rows, List<OracleOfWorkload> oracles) {
    }

    /** One workload's oracle frontier. */
    record OracleOfWorkload(String workload, OraclePlanner.Frontier frontier) {
    }

    @Option(names = "--out", defaultValue = "runs/compare", paramLabel = "DIR",
            description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--sarsa-model", paramLabel = "FILE", description = "a SARSA model (farmhand train) to include")
    Path sarsaModel;

    @Option(names = "--dqn-model", paramLabel = "FILE", description = "a DQN model (farmhand train) to include")
    Path dqnModel;

    @Option(names = "--oracle", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "plan the clairvoyant oracle per workload (~3.5 s per seed) for the distance columns (default: ${DEFAULT-VALUE})")
    boolean oracle;

    @Mixin
    ExperimentOptions experiment;

    @Override
    public Integer call() {
        List<String> names = experiment.workloadNames() == null
                ? NamedWorkload.generated().stream().map(NamedWorkload::key).toList() : experiment.workloadNames();
        ExperimentConfig base = experiment.loadWithoutWorkload();
        List<Long> seeds = experiment.seeds();
        List<Row> rows = new ArrayList<>();
        List<OracleOfWorkload> oracles = new ArrayList<>();
        for (String name : names) {
            ExperimentConfig variant = base.withWorkload(NamedWorkload.parse(name, base.workload()));
            // one loop for every policy: wide enough for the deployed autoscalers to set replica counts; the
            // policies limited to -1, 0, +1 behave the same in it (the space only bounds what may be requested)
            ExperimentConfig config = variant.withEnvironment(PolicyKind.wide(variant.environment()));
            List<Evaluation> evaluations = new ArrayList<>();
            try (FarmEnvironment env = config.environment(Backend.SIM.create(config, null))) {
                Evaluator evaluator = new Evaluator(env);
                for (Policy p : policies(config)) {
                    evaluations.add(evaluator.evaluate(p, seeds));
                }
                for (int workers : new int[] {14, 15, 16}) {
                    evaluations.add(evaluator.evaluate(new StaticPolicy(), seeds, workers, m -> { })
                            .labelled("static-" + workers));
                }
            }
            OraclePlanner.Frontier frontier = null;
            if (oracle) {
                frontier = OracleSection.frontier(config, seeds);
                oracles.add(new OracleOfWorkload(name, frontier));
            }
            for (OracleSection.Distance d : frontier == null
                    ? OracleSection.distances(new OraclePlanner.Frontier(seeds, 0, List.of()), evaluations)
                    : OracleSection.distances(frontier, evaluations)) {
                rows.add(new Row(name, d.policy(), d.finalQos(), d.meanWorkers(), d.meanScalingActions(),
                        d.extraWorkers(), d.qosGapPoints()));
            }
            System.err.printf(Locale.ROOT, "compared %d policies on %s%n", evaluations.size(), name);
        }
        String md = markdown(seeds, rows, oracles);
        System.out.print(md);
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("compare.md"), md);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve("compare.md") + ": " + e.getMessage(), e);
        }
        Json.write(out.resolve("compare.json"), new Report(seeds, rows, oracles));
        System.out.println("wrote " + out.resolve("compare.md") + " and " + out.resolve("compare.json"));
        return 0;
    }

    private List<Policy> policies(ExperimentConfig config) {
        List<Policy> out = new ArrayList<>();
        for (PolicyKind kind : PolicyKind.values()) {
            if (kind.group() == PolicyKind.Group.PAPER_BASELINE || kind.group() == PolicyKind.Group.OTHER) {
                out.add(kind.create(null, config.reactive(), config.environment()));
            }
        }
        if (sarsaModel != null) {
            out.add(PolicyKind.SARSA.create(sarsaModel, config.reactive(), config.environment()));
        }
        if (dqnModel != null) {
            out.add(PolicyKind.DQN.create(dqnModel, config.reactive(), config.environment()));
        }
        return out;
    }

    static String markdown(List<Long> seeds, List<Row> rows, List<OracleOfWorkload> oracles) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "# Every policy on every workload (simulator, seeds %d-%d)%n%n", seeds.getFirst(), seeds.getLast()));
        md.append("| workload | policy | final QoS % | mean workers | scaling actions | extra workers vs oracle "
                + "| QoS points below oracle |\n|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.1f | %s | %s |%n", r.workload(), r.policy(),
                    100 * r.finalQos(), r.meanWorkers(), r.scalingActions(), OracleSection.number(r.extraWorkersVsOracle()),
                    OracleSection.number(r.qosGapPointsVsOracle())));
        }
        for (OracleOfWorkload o : oracles) {
            md.append(String.format(Locale.ROOT, "%n## Oracle frontier, %s%n%n| QoS target %% | final QoS %% | mean workers "
                    + "| scaling actions |%n|---|---|---|---|%n", o.workload()));
            for (OraclePlanner.FrontierPoint p : o.frontier().points()) {
                md.append(p.reached()
                        ? String.format(Locale.ROOT, "| %.1f | %.2f | %.2f | %.1f |%n", 100 * p.qosTarget(),
                                100 * p.finalQos(), p.meanWorkers(), p.meanScalingActions())
                        : String.format(Locale.ROOT, "| %.1f | not reached | | |%n", 100 * p.qosTarget()));
            }
        }
        return md.toString();
    }
}
