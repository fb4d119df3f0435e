package farmhand.reproduction.oracle;

import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.eval.Evaluation;
import farmhand.controllers.oracle.OraclePlanner;
import farmhand.controllers.reward.RewardFunction;
import farmhand.farm.sim.SimulatedFarm;
import farmhand.farm.workload.WorkloadGenerator;
import farmhand.farm.workload.WorkloadShape;
import farmhand.reproduction.config.ExperimentConfig;
import farmhand.reproduction.report.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The oracle's frontier in {@code reproduce}'s report: the fewest mean workers a clairvoyant
 * planner ({@link OraclePlanner}) needs per QoS target on the table's seeds, and each policy's
 * distance to it (extra workers at its QoS, QoS it gives up at its workers).
 */
public final class OracleSection {

    /** The QoS targets of the frontier: 97 % to 99.8 %. */
    public static final List<Double> TARGETS = List.of(0.97, 0.975, 0.98, 0.985, 0.99, 0.992, 0.994, 0.996, 0.998);

    /**
     * {@code oracle.json}.
     *
     * @param frontier the oracle's frontier
     * @param distances each policy's distance to it
     */
    public record Report(OraclePlanner.Frontier frontier, List<Distance> distances) {
    }

    /**
     * A policy's distance to the frontier.
     *
     * @param policy the row's label
     * @param finalQos its mean final QoS (fraction)
     * @param meanWorkers its mean workers
     * @param meanScalingActions its mean scaling actions
     * @param extraWorkers its workers minus the oracle's at its QoS (NaN outside the frontier's range)
     * @param qosGapPoints the oracle's QoS at its workers minus its own, in points (NaN below the frontier's cheapest point)
     */
    public record Distance(String policy, double finalQos, double meanWorkers, double meanScalingActions,
                           double extraWorkers, double qosGapPoints) {
    }

    private OracleSection() {
    }

    /**
     * Plans the oracle on {@code seeds} with the simulator of {@code config}, measures each evaluation's
     * distance to its frontier, writes {@code oracle.json} into {@code out} and returns the Markdown section.
     */
    public static Section run(ExperimentConfig config, List<Long> seeds, List<Evaluation> evaluations, Path out) {
        if (config.workload().phases().size() < 4) {
            return new Section("## Oracle frontier\n\nSkipped: the oracle's schedules need four phases, the workload has "
                    + config.workload().phases().size() + ".\n", null);
        }
        OraclePlanner.Frontier frontier = frontier(config, seeds);
        List<Distance> distances = distances(frontier, evaluations);
        Json.write(out.resolve("oracle.json"), new Report(frontier, distances));
        return new Section(markdown(frontier, distances), frontier);
    }

    /**
     * What {@link #run} made.
     *
     * @param markdown the report's section
     * @param frontier the planned frontier; null when the oracle could not be planned
     */
    public record Section(String markdown, OraclePlanner.Frontier frontier) {
    }

    /**
     * The oracle's frontier at {@link #TARGETS} on {@code seeds}, on the simulator of {@code config}: over
     * {@link OraclePlanner.Grid#standard()} for the paper's phases (in any order, with any durations),
     * over {@link OraclePlanner.Grid#wide()} for the rate shapes and traces.
     */
    public static OraclePlanner.Frontier frontier(ExperimentConfig config, List<Long> seeds) {
        WorkloadGenerator workloads = new WorkloadGenerator(config.workload());
        SimulatedFarm sim = new SimulatedFarm(config.simulator().toConfig(config.platform().profile()));
        try (FarmEnvironment env = new FarmEnvironment(sim, workloads, config.environment(),
                new RewardFunction(config.reward()))) {
            OraclePlanner.Grid grid = config.workload().shape() == WorkloadShape.PHASES
                    ? OraclePlanner.Grid.standard() : OraclePlanner.Grid.wide();
            return new OraclePlanner(env, workloads).frontier(grid, seeds, TARGETS);
        }
    }

    /** Each evaluation's distance to {@code frontier}. */
    public static List<Distance> distances(OraclePlanner.Frontier frontier, List<Evaluation> evaluations) {
        List<Distance> distances = new ArrayList<>();
        for (Evaluation e : evaluations) {
            double qos = e.summary().finalQos().mean();
            double workers = e.summary().meanWorkers().mean();
            distances.add(new Distance(e.policy(), qos, workers, e.summary().scalingActions().mean(),
                    workers - frontier.workersAt(qos), 100 * (frontier.qosAt(workers) - qos)));
        }
        return distances;
    }

    static String markdown(OraclePlanner.Frontier frontier, List<Distance> distances) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "## Oracle frontier (clairvoyant, %d schedules searched per seed, seeds %d-%d, simulator)%n%n",
                frontier.schedules(), frontier.seeds().getFirst(), frontier.seeds().getLast()));
        md.append("| QoS target % | final QoS % | mean workers | scaling actions |\n|---|---|---|---|\n");
        for (OraclePlanner.FrontierPoint p : frontier.points()) {
            md.append(p.reached()
                    ? String.format(Locale.ROOT, "| %.1f | %.2f | %.2f | %.1f |%n", 100 * p.qosTarget(),
                            100 * p.finalQos(), p.meanWorkers(), p.meanScalingActions())
                    : String.format(Locale.ROOT, "| %.1f | not reached by the grid | | |%n", 100 * p.qosTarget()));
        }
        md.append("\n| policy | final QoS % | mean workers | scaling actions | extra workers vs oracle at its QoS "
                + "| QoS points below oracle at its workers |\n|---|---|---|---|---|---|\n");
        for (Distance d : distances) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.1f | %s | %s |%n", d.policy(),
                    100 * d.finalQos(), d.meanWorkers(), d.meanScalingActions(), number(d.extraWorkers()),
                    number(d.qosGapPoints())));
        }
        return md.toString();
    }

    /** A signed distance with two decimals, or a note when the frontier does not reach it. */
    public static String number(double v) {
        return Double.isNaN(v) ? "outside the frontier" : String.format(Locale.ROOT, "%+.2f", v);
    }
}
